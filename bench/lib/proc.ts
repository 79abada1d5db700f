/** Reads a process's CPU time and memory, and the machine's CPU, from /proc (Linux only). */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** Clock ticks per second for /proc/<pid>/stat (USER_HZ), usually 100. */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(
        execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8', timeout: 5000 }).trim(),
      );
    } catch {
      ticksPerSecond = 100;
    }
    if (!Number.isFinite(ticksPerSecond) || ticksPerSecond <= 0) ticksPerSecond = 100;
  }
  return ticksPerSecond;
}

/** utime + stime of a process (or the sum over several), in milliseconds (resolution: one clock tick, usually 10 ms). */
export function processCpuMs(pid: number | readonly number[]): number {
  if (typeof pid !== 'number') return pid.reduce((sum, p) => sum + processCpuMs(p), 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Counting from field 3 (state) at index 0: utime is field 14, stime field 15.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / clockTicksPerSecond();
}

/** Resident set size and its high-water mark, in KiB (summed over several processes). */
export function processMemoryKiB(pid: number | readonly number[]): { rss: number; hwm: number } {
  if (typeof pid !== 'number')
    return pid.reduce(
      (sum, p) => {
        const m = processMemoryKiB(p);
        return { rss: sum.rss + m.rss, hwm: sum.hwm + m.hwm };
      },
      { rss: 0, hwm: 0 },
    );
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** Busy and total jiffies of the whole machine (all cores), from the first line of /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0); // user nice system idle iowait irq softirq steal
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * Microseconds during which some runnable task waited for a CPU (Linux pressure stall information), or
 * undefined where /proc/pressure is not available. Its growth over a window divided by the window's length is
 * the share of time the machine was short of CPU.
 */
export function cpuPressureMicros(): number | undefined {
  try {
    const line = readFileSync('/proc/pressure/cpu', 'utf8').split('\n', 1)[0]!;
    const total = /total=(\d+)/.exec(line)?.[1];
    return total === undefined ? undefined : Number(total);
  } catch {
    return undefined;
  }
}

/** A process's resident memory by kind, in KiB, from /proc/<pid>/smaps_rollup: anonymous, file-backed, shared. */
export function residentByKindKiB(pid: number | readonly number[]): Record<string, number> {
  if (typeof pid !== 'number') {
    const out: Record<string, number> = {};
    for (const p of pid)
      for (const [k, v] of Object.entries(residentByKindKiB(p))) out[k] = (out[k] ?? 0) + v;
    return out;
  }
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const out: Record<string, number> = {};
  for (const m of text.matchAll(
    /^(Rss|Anonymous|Shared_Clean|Shared_Dirty|Private_Clean|Private_Dirty):\s+(\d+) kB/gm,
  ))
    out[m[1]!] = Number(m[2]);
  return out;
}
