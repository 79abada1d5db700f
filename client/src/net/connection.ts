import { Client, type Room } from '@colyseus/sdk';
import type { JoinOptions, ToServerName, ToServerPayload } from '../../../shared/protocol/toServer.ts';
import { CLOSE_DELETED, CLOSE_REMOVED, type Welcome } from '../../../shared/protocol/toClient.ts';
import type { Refusal } from '../../../shared/session/refusal.ts';
import { api } from './api.ts';
import { RECOVERY, recoveryDelays, SDK_RECONNECTION } from './retry.ts';
import { forgetSeatKey, loadSeatKey, saveSeatKey } from './seatKeys.ts';
import { type RawState, type SessionView, toView } from './view.ts';

/** The only module that talks to Colyseus. Screens get plain views and call `send`. */

export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';
export type SendResult = { ok: true } | { ok: false; message: string; code?: string };

interface Stored {
  token: string;
  options: JoinOptions;
  memberId?: string;
}

/** A student's join options with the seat key this tab holds, if any: it takes the seat back after a restart. */
function withKey(options: JoinOptions, key: string | undefined): JoinOptions {
  return options.role === 'student' && key ? { ...options, memberKey: key } : options;
}

const STORE_KEY = 'paros.link';
/** What a tab of a deleted session shows: it stops trying to come back. */
export const DELETED_MESSAGE =
  'This session was deleted by the teacher. Its log is gone, so there is nothing to go back to.';
const WITH_ERROR = 4002;

function endpoint(): string {
  return `${location.protocol}//${location.host}`;
}

/** A live connection to one session, with reconnection that survives locked phones and sleeping tabs. */
export class SessionLink {
  view: SessionView | undefined;
  status: LinkStatus = 'connecting';
  welcome: Welcome | undefined;
  closedReason = '';
  private clockOffset = 0;
  private room: Room;
  private readonly client: Client;
  private options: JoinOptions;
  private listeners = new Set<() => void>();
  private retrying = false;

  private constructor(client: Client, room: Room, options: JoinOptions) {
    this.client = client;
    this.room = room;
    this.options = options;
    this.attach(room);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.recover();
    });
    window.addEventListener('online', () => this.recover());
  }

  /**
   * Joins a session by its code; the server looks the code up and checks the role's credentials. A student who
   * held a seat in this session under this nickname in this browser (even in a closed tab) takes it back.
   */
  static async join(given: JoinOptions): Promise<SessionLink> {
    const options =
      given.role === 'student' && !given.memberKey
        ? withKey(given, loadSeatKey(localStorage, given.code, given.nickname))
        : given;
    const { roomId } = await api.findSession(options.code);
    const client = new Client(endpoint());
    const room = await client.joinById(roomId, options);
    const link = new SessionLink(client, room, options);
    await link.ready();
    return link;
  }

  /** Resolves once the first state and the welcome message have arrived. */
  ready(): Promise<void> {
    if (this.view && this.welcome) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (this.view && this.welcome) {
          off();
          resolve();
        }
      });
    });
  }

  /** Takes back the seat this tab held, if the server still holds it (sessionStorage keeps the token per tab; the seat key also lives in localStorage, see seatKeys.ts). */
  static async resume(role: JoinOptions['role'], code: string): Promise<SessionLink | undefined> {
    const stored = readStored();
    if (!stored || stored.options.role !== role || stored.options.code !== code) return undefined;
    const client = new Client(endpoint());
    try {
      const room = await client.reconnect(stored.token);
      const link = new SessionLink(client, room, stored.options);
      await link.ready();
      return link;
    } catch {
      // The server may have restarted: a student's seat key (or a teacher's secret) still opens the session.
      if (stored.options.role === 'projector') return undefined;
      if (stored.options.role === 'student' && !(stored.options as { memberKey?: string }).memberKey)
        return undefined;
      try {
        return await SessionLink.join(stored.options);
      } catch {
        return undefined;
      }
    }
  }

  static forget(): void {
    sessionStorage.removeItem(STORE_KEY);
  }

  get memberId(): string | undefined {
    return this.welcome?.memberId;
  }

  /** The server's clock, estimated from the welcome message, for phase timers. */
  serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends a command; resolves with the server's refusal in plain words instead of throwing. */
  async send<K extends ToServerName>(type: K, payload: ToServerPayload<K>): Promise<SendResult> {
    if (this.status === 'closed') return { ok: false, message: 'You are not connected to the session.' };
    try {
      await this.room.request(type, payload, { timeout: 10_000 } as never);
      return { ok: true };
    } catch (e) {
      const reason = (e as { reason?: Refusal }).reason;
      if (reason?.message) return { ok: false, message: reason.message, code: reason.code };
      return { ok: false, message: schemaProblem((e as Error).message) };
    }
  }

  /** Leaves the session; for good also forgets the seat key this browser keeps, so the seat is not taken back. */
  async leave(forGood = false): Promise<void> {
    SessionLink.forget();
    if (forGood && this.options.role === 'student')
      forgetSeatKey(localStorage, this.options.code, this.options.nickname);
    this.status = 'closed';
    this.closedReason = 'You left the session.';
    await this.room.leave(true).catch(() => undefined);
    this.emit();
  }

  private attach(room: Room) {
    this.room = room;
    // The SDK retries 15 times, waiting 0.5, 1, 2, 4 s, then 8 s each (about 95 s in all); recover() then goes on
    // for 3 more minutes (waits of 2 s doubling to 15 s), so a tab outlasts a server restart of two minutes and more.
    room.reconnection.maxRetries = SDK_RECONNECTION.maxRetries;
    room.reconnection.delay = SDK_RECONNECTION.delay;
    room.reconnection.minDelay = SDK_RECONNECTION.minDelay;
    room.reconnection.maxDelay = SDK_RECONNECTION.maxDelay;
    room.reconnection.minUptime = 1000;
    this.store();
    room.onStateChange((state) => {
      this.view = toView((state as { toJSON(): RawState }).toJSON());
      this.status = 'connected';
      this.emit();
    });
    room.onMessage('welcome', (w: Welcome) => {
      this.welcome = w;
      if (w.memberKey) this.options = withKey(this.options, w.memberKey);
      if (w.memberKey && this.options.role === 'student')
        saveSeatKey(localStorage, this.options.code, this.options.nickname, w.memberKey);
      this.clockOffset = w.serverTime - Date.now();
      this.store();
      this.emit();
    });
    room.onDrop(() => {
      this.status = 'reconnecting';
      this.emit();
    });
    room.onReconnect(() => {
      this.status = 'connected';
      this.store();
      this.emit();
    });
    room.onLeave((code, reason) => {
      if (this.status === 'closed') return;
      if (code === CLOSE_REMOVED) {
        SessionLink.forget();
        this.close(reason || 'The teacher removed you from this session.');
      } else if (code === CLOSE_DELETED) {
        SessionLink.forget();
        this.close(DELETED_MESSAGE);
      } else if (code === WITH_ERROR || code >= 4000) {
        this.status = 'reconnecting';
        this.emit();
        this.recover();
      } else if (code === 1000) {
        this.close('The session closed.');
      } else {
        this.status = 'reconnecting';
        this.emit();
        this.recover();
      }
    });
  }

  /**
   * After the SDK's own retries gave up (a long sleep, a server restart): tries the token, and after a restart
   * rejoins with the credentials, with back-off for RECOVERY.total ms (3 minutes) before telling the student.
   */
  private async recover() {
    if (this.status !== 'reconnecting' || this.retrying) return;
    this.retrying = true;
    try {
      for (const wait of recoveryDelays(RECOVERY)) {
        if (this.status !== 'reconnecting') return;
        try {
          const room = await this.client.reconnect(this.room.reconnectionToken);
          this.attach(room);
          this.status = 'connected';
          this.emit();
          return;
        } catch (e) {
          if ((e as { code?: number }).code === CLOSE_REMOVED) {
            SessionLink.forget();
            return this.close((e as Error).message || 'The teacher removed you from this session.');
          }
        }
        // Teachers and boards come back with their credentials, students with their seat key (after a restart
        // the room is a new one, restored from the log, so the code is looked up again).
        const options = this.options as JoinOptions & { memberKey?: string };
        if (options.role !== 'student' || options.memberKey) {
          try {
            const { roomId } = await api.findSession(options.code);
            this.attach(await this.client.joinById(roomId, options));
            this.status = 'connected';
            this.emit();
            return;
          } catch {
            /* not back yet: wait and try again */
          }
        }
        await new Promise((r) => setTimeout(r, wait));
      }
      this.close(
        'The connection was lost. Join again with the code and your nickname; the teacher can give you your seat back.',
      );
    } finally {
      this.retrying = false;
    }
  }

  private close(reason: string) {
    this.status = 'closed';
    this.closedReason = reason;
    this.emit();
  }

  private store() {
    const stored: Stored = {
      token: this.room.reconnectionToken,
      options: this.options,
      ...(this.welcome?.memberId ? { memberId: this.welcome.memberId } : {}),
    };
    sessionStorage.setItem(STORE_KEY, JSON.stringify(stored));
  }

  private emit() {
    for (const l of this.listeners) l();
  }
}

function readStored(): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
}

/** A payload the server's schema refused (a form left incomplete), as a sentence. */
function schemaProblem(raw: string | undefined): string {
  try {
    const issues = JSON.parse(raw ?? '') as { message?: string; path?: (string | number)[] }[];
    const first = issues[0];
    if (first?.message)
      return `That is not complete: ${first.path?.length ? `${first.path.join(' ')}: ` : ''}${first.message}`;
  } catch {
    /* not a schema error */
  }
  return 'The server did not accept that. Reload the page if this keeps happening.';
}
