/**
 * One benchmarked session as its clients see it: the teacher, the projector and the students, each a real SDK
 * connection, plus the version fence that tells when an accepted action has reached every one of them.
 */
import type { Room } from '@colyseus/sdk';

/** The part of the synced state the bench reads: every accepted command bumps `version`. */
export interface VersionedState {
  version?: number;
  phase?: string;
  teams?: { get(team: string): { headId?: string } | undefined };
}
export type BenchRoom = Room<unknown, VersionedState>;

export type Team = 'us' | 'china' | 'russia';
export const TEAMS: readonly Team[] = ['us', 'china', 'russia'];

export interface Student {
  session: SessionRun;
  index: number; // 0..29 in its session
  nickname: string;
  team: Team;
  room: BenchRoom;
  memberId: string | undefined; // from the welcome message
  inFlight: number;
  edits: number;
}

interface Fence {
  version: number;
  resolve: (at: number) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class SessionRun {
  readonly index: number;
  readonly code: string;
  readonly hostSecret: string;
  readonly roomId: string;
  teacher: BenchRoom | undefined;
  projector: BenchRoom | undefined;
  readonly students: Student[] = [];
  /** Every connection of this session, teacher and projector included. */
  readonly rooms: BenchRoom[] = [];
  private fences: Fence[] = [];

  constructor(index: number, code: string, hostSecret: string, roomId: string) {
    this.index = index;
    this.code = code;
    this.hostSecret = hostSecret;
    this.roomId = roomId;
  }

  /** The student who confirms `team`'s orders now, as the teacher's state shows it. */
  headOf(team: Team): Student | undefined {
    const headId = this.teacher?.state.teams?.get(team)?.headId;
    return headId ? this.students.find((st) => st.memberId === headId) : undefined;
  }

  /** Counts `room` in the fence from now on. */
  track(room: BenchRoom): void {
    this.rooms.push(room);
    room.onStateChange(() => this.check());
  }

  /** The lowest state version any client of this session has decoded (-1 before a client's first state). */
  minVersion(): number {
    let min = Number.POSITIVE_INFINITY;
    for (const room of this.rooms) {
      const v = room.state?.version ?? -1;
      if (v < min) min = v;
    }
    return min;
  }

  /**
   * Resolves with performance.now() at the moment every client of the session has state.version >= `version`
   * (at once if they already have); rejects after `timeoutMs`.
   */
  fence(version: number, timeoutMs: number): Promise<number> {
    if (this.minVersion() >= version) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const fence: Fence = {
        version,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.fences = this.fences.filter((f) => f !== fence);
          reject(new Error(`update ${version} not seen by every client within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      this.fences.push(fence);
    });
  }

  private check(): void {
    if (this.fences.length === 0) return;
    const min = this.minVersion();
    const now = performance.now();
    const still: Fence[] = [];
    for (const f of this.fences) {
      if (f.version <= min) {
        clearTimeout(f.timer);
        f.resolve(now);
      } else {
        still.push(f);
      }
    }
    this.fences = still;
  }

  /** Rejects the fences still waiting (on shutdown). */
  cancelFences(): void {
    for (const f of this.fences) {
      clearTimeout(f.timer);
      f.reject(new Error('cancelled'));
    }
    this.fences = [];
  }
}
