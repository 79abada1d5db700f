import { matchMaker, ServerError } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';
import type { SessionStage } from '../../shared/model/phases.ts';
import type { SessionLogs } from '../log/store.ts';
import type { DirectoryEntry, RemoteSessions } from '../sessions/directory.ts';
import { CodeClaims } from './codeClaims.ts';
import type { ScaleConfig } from './config.ts';
import { HANDOVER_CHANNEL, SessionLeases } from './leases.ts';

/** How often each process looks for unfinished sessions no process holds (a killed process's), to take over. */
export const TAKEOVER_MS = 5_000;

/** What a session room uses when PAROS runs on several processes. */
export interface RoomScale {
  leases: SessionLeases;
  codes: CodeClaims;
}

/**
 * PAROS on several processes sharing one Redis (REDIS_URL) and one PostgreSQL (DATABASE_URL): Colyseus's own
 * presence and room listings (so a seat reserved through any process is served by the process that runs the
 * room, its browser sent there by PUBLIC_ADDRESS), join codes claimed across processes, and one lease per
 * live session. Sessions are created where the teacher's request arrives. A session whose process died is
 * taken over from its log by whichever process first finds it without a lease: on the next look-up of its
 * code (a student's tab coming back) or within TAKEOVER_MS by the sweep. A process told to stop gives its
 * sessions back and names them on HANDOVER_CHANNEL: the others race for each at once, and the lease picks one.
 */
export class ScaleOut implements RemoteSessions {
  readonly redis: Redis;
  readonly room: RoomScale;
  private readonly config: ScaleConfig & { redisUrl: string };
  private logs: SessionLogs | undefined;
  private capability = '';
  private sweep: NodeJS.Timeout | undefined;
  private sweeping = false;
  private stopping = false;
  private listener: Redis | undefined; // subscribed to HANDOVER_CHANNEL (a subscribed connection does nothing else)

  constructor(config: ScaleConfig & { redisUrl: string }) {
    this.config = config;
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 3 });
    this.redis.on('error', (e) => console.error(`Redis: ${e.message}`));
    this.room = {
      leases: new SessionLeases(this.redis, () => matchMaker.processId),
      codes: new CodeClaims(this.redis),
    };
  }

  /** Colyseus's options for sharing the matchmaker; rooms are always created on the process that asks. */
  colyseusOptions() {
    return {
      presence: new RedisPresence(this.config.redisUrl),
      driver: new RedisDriver(this.config.redisUrl),
      ...(this.config.publicAddress ? { publicAddress: this.config.publicAddress } : {}),
      selectProcessIdToCreateRoom: async () => matchMaker.processId,
    };
  }

  async claimCode(code: string): Promise<boolean> {
    return this.room.codes.claim(code);
  }

  async releaseCode(code: string): Promise<void> {
    await this.room.codes.free(code);
  }

  /** The room that runs the session of `code`, on whichever process; a session no process holds is taken over here. */
  async locate(code: string): Promise<DirectoryEntry | undefined> {
    const sessionId = await this.room.codes.sessionOf(code);
    if (!sessionId || !this.logs) return undefined;
    let stage: SessionStage;
    try {
      const log = this.logs.open(sessionId);
      stage = log.status().stage as SessionStage;
      log.close();
    } catch {
      return undefined;
    }
    let holder = await this.room.leases.holder(sessionId);
    if (!holder && !this.stopping && (stage === 'lobby' || stage === 'playing')) {
      await this.takeOver(sessionId);
      holder = await this.room.leases.holder(sessionId);
    }
    if (!holder) return stage === 'ended' ? { roomId: '', stage: () => 'ended' } : undefined;
    return { roomId: holder.roomId, stage: () => stage };
  }

  /** Starts taking over sessions nobody runs: now (a process that starts after a crash), then every TAKEOVER_MS. */
  async start(logs: SessionLogs, capability: string): Promise<void> {
    this.logs = logs;
    this.capability = capability;
    this.listener = this.redis.duplicate();
    this.listener.on('error', (e) => console.error(`Redis: ${e.message}`));
    this.listener.on('message', (_channel: string, sessionId: string) => {
      if (!this.stopping) void this.takeOver(sessionId, 'handed over by a process that stopped');
    });
    await this.listener.subscribe(HANDOVER_CHANNEL);
    await this.takeOverOrphans();
    this.sweep = setInterval(() => void this.takeOverOrphans(), TAKEOVER_MS);
    this.sweep.unref();
  }

  /**
   * This process is stopping (SIGTERM): it takes over nothing more, neither by the sweep nor by a look-up, so
   * the sessions it gives back go to the others. Returns how many sessions it runs, to hand over.
   */
  stop(): number {
    this.stopping = true;
    clearInterval(this.sweep);
    void this.listener?.unsubscribe().catch(() => undefined);
    return this.room.leases.size;
  }

  private async takeOverOrphans() {
    if (this.sweeping || this.stopping || !this.logs) return;
    this.sweeping = true;
    try {
      for (const id of this.logs.unfinished())
        if (!(await this.room.leases.holder(id))) await this.takeOver(id);
    } catch (e) {
      console.error('Looking for sessions to take over failed:', (e as Error).message);
    } finally {
      this.sweeping = false;
    }
  }

  /** Restores a session from its log into a room of this process, unless another process took it first. */
  private async takeOver(sessionId: string, why?: string) {
    if (this.stopping) return;
    try {
      await matchMaker.createRoom('session', { capability: this.capability, restore: sessionId });
      console.log(`Session ${sessionId} taken over from its log${why ? `, ${why}` : ''}.`);
    } catch (e) {
      if ((e as ServerError).code === LEASE_TAKEN) return; // another process was quicker
      console.error(`Session ${sessionId} could not be taken over: ${(e as Error).message}`);
    }
  }

  async close(): Promise<void> {
    this.stop();
    this.room.leases.stop();
    this.listener?.disconnect();
    this.redis.disconnect();
  }
}

/** The refusal of a room whose session another process already runs. */
export const LEASE_TAKEN = 409;
export const leaseTaken = () =>
  new ServerError(LEASE_TAKEN, 'This session is already running on another server process.');
