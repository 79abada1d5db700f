import type { Delegation } from '../model/seats.ts';
import type { Change, ChangeSource, World } from './model.ts';

/** How a change target reads and writes its number in the world, and its range. */
interface Slot {
  get: () => number;
  set: (n: number) => void;
  min: number;
  max: number;
}

function slot(w: World, target: string): Slot {
  const [head, a, b, c] = target.split('.') as [string, string?, string?, string?];
  const pct = (get: () => number, set: (n: number) => void): Slot => ({ get, set, min: 0, max: 100 });
  switch (head) {
    case 'tension':
      return pct(
        () => w.tension,
        (n) => (w.tension = n),
      );
    case 'debris':
      return pct(
        () => w.debris,
        (n) => (w.debris = n),
      );
    case 'alignment':
      return pct(
        () => w.alignment,
        (n) => (w.alignment = n),
      );
    case 'prestige':
      return pct(
        () => w.delegations[a as Delegation].prestige,
        (n) => (w.delegations[a as Delegation].prestige = n),
      );
    case 'legitimacy':
      return pct(
        () => w.delegations[a as Delegation].legitimacy,
        (n) => (w.delegations[a as Delegation].legitimacy = n),
      );
    case 'threat': {
      const t = w.delegations[a as Delegation].threat;
      return pct(
        () => t[b as Delegation] ?? 0,
        (n) => (t[b as Delegation] = n),
      );
    }
    case 'draft': {
      const d = w.drafts[a as keyof World['drafts']];
      return pct(
        () => d.momentum,
        (n) => (d.momentum = n),
      );
    }
    case 'budget': {
      const d = w.delegations[a as Delegation];
      return { get: () => d.budget, set: (n) => (d.budget = n), min: 0, max: 30 };
    }
    case 'income': {
      const d = w.delegations[a as Delegation];
      return { get: () => d.income, set: (n) => (d.income = n), min: 3, max: 20 };
    }
    case 'lunarPartners': {
      const bloc = w.lunar[a as keyof World['lunar']];
      return { get: () => bloc.partners, set: (n) => (bloc.partners = n), min: 0, max: 60 };
    }
    case 'capability': {
      const caps = w.delegations[a as Delegation].capabilities;
      if (b === 'satellites' || b === 'counterspace') {
        const group = caps[b] as Record<string, number>;
        const max = b === 'satellites' ? 30 : 5;
        return { get: () => group[c as string] ?? 0, set: (n) => (group[c as string] = n), min: 0, max };
      }
      const key = b as 'missileWarning' | 'missileDefence' | 'launch' | 'lunar' | 'ssa';
      return { get: () => caps[key], set: (n) => (caps[key] = n), min: 0, max: key === 'lunar' ? 100 : 5 };
    }
  }
  throw new Error(`unknown change target ${target}`);
}

/**
 * Collects the changes of one step of a resolution and applies them together: each target moves by the sum
 * of its deltas, clamped once, so the order in which simultaneous orders are read cannot change the result.
 * Every change keeps its own cause.
 */
export class Ledger {
  private pending: Omit<Change, 'after'>[] = [];
  readonly w: World;
  readonly round: number;

  constructor(w: World, round: number) {
    this.w = w;
    this.round = round;
  }

  add(
    target: string,
    delta: number,
    cause: string,
    source: ChangeSource,
    visibleTo: Change['visibleTo'] = 'all',
  ) {
    if (delta === 0) return;
    this.pending.push({ round: this.round, target, delta, cause: sentence(cause), source, visibleTo });
  }

  /** Current value of a target (before this step's pending changes). */
  value(target: string): number {
    return slot(this.w, target).get();
  }

  flush() {
    const totals = new Map<string, number>();
    for (const p of this.pending) totals.set(p.target, (totals.get(p.target) ?? 0) + p.delta);
    const after = new Map<string, number>();
    for (const [target, delta] of totals) {
      const s = slot(this.w, target);
      const next = Math.max(s.min, Math.min(s.max, s.get() + delta));
      s.set(next);
      after.set(target, next);
    }
    for (const p of this.pending) this.w.changes.push({ ...p, after: after.get(p.target) ?? 0 });
    this.pending = [];
  }

  /** Records a change computed elsewhere (a derived indicator such as security), without applying it. */
  note(target: string, delta: number, after: number, cause: string, visibleTo: Change['visibleTo'] = 'all') {
    if (delta === 0) return;
    this.w.changes.push({
      round: this.round,
      target,
      delta,
      after,
      cause: sentence(cause),
      source: { kind: 'rule', rule: 'security' },
      visibleTo,
    });
  }
}

/** Capitalizes the first letter, so "the US tabled…" reads as a sentence. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
