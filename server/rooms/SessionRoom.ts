import { duration } from '../../shared/content/labels.ts';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Client, type Delayed, type MessageContext, Room, ServerError, validate } from '@colyseus/core';
import { type Ref, StateView } from '@colyseus/schema';
import { z } from 'zod';
import type { Card } from '../../shared/content/card.ts';
import type { ScenarioSummary } from '../../shared/content/scenario.ts';
import {
  firstIssue,
  JoinOptions,
  type JoinRole,
  type SettingsPatch,
  ToServer,
  type ToServerName,
} from '../../shared/protocol/toServer.ts';
import { CLOSE_REMOVED, PROJECTORS_PER_SESSION, type Welcome } from '../../shared/protocol/toClient.ts';
import type { Outcome } from '../../shared/session/apply.ts';
import type { RulesContext } from '../../shared/session/commands/handler.ts';
import { REMOVED_MESSAGE } from '../../shared/session/commands/presence.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import {
  createSessionModel,
  foldLog,
  type LogEntry,
  type LogHeader,
  RULES_VERSION,
  stateHash,
} from '../../shared/session/log.ts';
import type { SessionModel } from '../../shared/session/model.ts';
import { type RulesEngine, type RulesVersion, rulesOf } from '../../shared/session/rulesVersions.ts';
import { type Onlooker, sightOf } from '../../shared/session/visibility.ts';
import { STORAGE_MESSAGE } from '../../shared/session/refusal.ts';
import type { OpenLog, SessionLogs } from '../log/store.ts';
import { type StorageCheck, storageWords } from '../log/storageHealth.ts';
import { leaseTaken, type RoomScale } from '../scale/scaleOut.ts';
import type { SessionDirectory } from '../sessions/directory.ts';
import { releasePatchBuffer } from '../sync/patchBuffer.ts';
import { projectSession } from '../sync/project.ts';
import { showOnly, syncedSight } from '../sync/sight.ts';
import { SessionState } from '../sync/state.ts';
import { sessionIdFor } from '../../shared/model/sessionId.ts';
import { RateLimiter } from '../http/rateLimit.ts';
import { BOTS_SINCE_RULES, BotDriver } from '../bots/driver.ts';
import { phaseLengthMs } from '../../shared/bots/unattended.ts';
import { PRACTICE_SINCE_RULES } from '../../shared/session/practice.ts';

/** The first rules version whose engine knows the legal adviser, the spokesperson and written assessments. */
const SIX_ROLES_SINCE_RULES = 2;

/** What a session room needs from the server that hosts it. */
export interface RoomServices {
  directory: SessionDirectory;
  scenarios: readonly ScenarioSummary[];
  cards: readonly Card[];
  reconnectSeconds: number;
  idleHours: number;
  joinsPerMinute: number; // new students per network and session (JOINS_PER_MINUTE): seat-key reclaims never count
  capability: string; // proves a room is created by this server's API, not by a client's matchmaking call
  logs: SessionLogs; // SQLite files, or PostgreSQL with DATABASE_URL
  storage: StorageCheck; // told when a log refuses a write, for /healthz
  scale?: RoomScale; // several processes (REDIS_URL): the session's lease and its join code across processes
}

/** Options the HTTP API passes when it creates a session, or the server when it restores one after a restart. */
export type CreateOptions =
  | {
      capability: string;
      code: string;
      hostSecretHash: string; // sha256 of the host secret, hex
      seed: number;
      settings?: SettingsPatch;
      forkOf?: { sessionId: string; seq: number }; // a new session that starts from another's log
    }
  | { capability: string; restore: string }; // the session id of a log to fold back into a live room

/** Who a connection is, kept on the client object. */
interface Caller {
  role: JoinRole;
  memberId?: string;
}

/** What one member (or the teacher) has sent lately, kept by the room across reconnections. */
interface Budget {
  sent: number[]; // times of the messages in the last MESSAGE_WINDOW_MS
  chat: number[]; // times of the chat messages and announcements in the last CHAT_WINDOW_MS
  cuts: number[]; // times of the reconnections in the last CUT_WINDOW_MS
  lockedUntil: number;
}

/** Who a connection is, for the visibility rule: a student who lost its seat to another tab sees what the class sees. */
function onlookerOf(seat: Caller): Onlooker {
  if (seat.role === 'teacher') return { kind: 'teacher' };
  if (seat.role === 'student' && seat.memberId) return { kind: 'member', memberId: seat.memberId };
  return { kind: 'projector' };
}

/**
 * Commands about who is connected, which the room itself sends. When the log refuses them (a full or read-only
 * data folder) they still apply, and wait in memory to be written, in order, before the next entry: a restored
 * member must show as away, not connected, even on a full disk. A restart derives presence again, so losing them
 * loses nothing. Every other command is refused until the log takes it.
 */
const PRESENCE = new Set<SessionCommand['type']>([
  'memberDropped',
  'memberReturned',
  'memberGone',
  'reclaimSeat',
]);

/** At most this many chat messages per connection in CHAT_WINDOW_MS: a class's chat stays readable. */
const CHAT_BURST = 5;
const CHAT_WINDOW_MS = 10_000;

/**
 * At most this many messages a second per member, over all their connections: the room's maxMessagesPerSecond
 * counts per connection, and a student who reconnected after each cut once landed 840 draft edits in 10 s.
 */
export const MEMBER_MESSAGES_PER_SECOND = 30;
const MESSAGE_WINDOW_MS = 1_000;

/** More than this many reconnections of one member in CUT_WINDOW_MS lock the member out for LOCKOUT_MS. */
export const CUTS_PER_MINUTE = 10;
const CUT_WINDOW_MS = 60_000;
export const LOCKOUT_MS = 60_000;

/**
 * A message schema whose refusal is one issue in plain words ("text: A message is at most 500 characters."),
 * not zod's list of codes, limits and paths: Colyseus sends the issues to the client as they are.
 */
function plainly<T extends z.ZodType>(schema: T) {
  return z.unknown().transform((value, ctx): z.output<T> => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: firstIssue(parsed.error) });
    return z.NEVER;
  });
}

/** The JSON of the content a server runs on, as a log's header holds it; computed once per server. */
const contentJson = new WeakMap<readonly Card[], string>();
function serverContentJson({ scenarios, cards }: RoomServices): string {
  let json = contentJson.get(cards);
  if (json === undefined) {
    json = JSON.stringify({ scenarios, cards });
    contentJson.set(cards, json);
  }
  return json;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Builds the room class for one server, closing over its services (so a client can never supply them). */
export function sessionRoomFor(services: RoomServices) {
  return class extends SessionRoom {
    override services = services;
  };
}

/**
 * One class's session. Thin by design: it checks who a connection is, hands commands to the rules
 * (shared/session/apply.ts), projects the result into the synced state, and runs the phase timers.
 */
export class SessionRoom extends Room<{ state: SessionState; client: Client<{ userData: Caller }> }> {
  override state = new SessionState();
  override maxClients = 130;
  override autoDispose = false;
  override maxMessagesPerSecond = 30;
  services!: RoomServices;

  private model!: SessionModel;
  private log!: OpenLog;
  private rules!: RulesContext; // the content in the log's header: a restored or forked session plays on what it began with
  private engine!: RulesEngine; // the rules in the log's header: a restored or forked session plays by those it began with
  private seq = 0;
  private hostSecretHash = '';
  private phaseTimer: Delayed | undefined;
  private lastActivity = Date.now();
  private freshJoinLimiter: RateLimiter | undefined;
  private budgets = new Map<string, Budget>(); // by member id ('teacher' for the host): limits follow the member
  private unsaved: LogEntry[] = []; // presence entries the log refused, to be written before the next entry
  private bots!: BotDriver; // plays the delegations the teacher gave the server, through dispatch

  override messages = Object.fromEntries(
    (Object.keys(ToServer) as ToServerName[]).map((type) => [
      type,
      validate(plainly(ToServer[type]), (client: Client, payload: object, ctx: MessageContext) =>
        this.fromClient(client, { type, ...payload } as SessionCommand, ctx),
      ),
    ]),
  );

  override async onCreate(options: CreateOptions) {
    if (options?.capability !== this.services.capability) {
      throw new ServerError(403, 'Sessions are created from the teacher console.');
    }
    const scale = this.services.scale;
    if ('restore' in options) {
      // Several processes: the lease first, so only one of them folds and writes this log.
      if (scale && !(await scale.leases.claim(options.restore, this.roomId, () => this.disconnect())))
        throw leaseTaken();
      try {
        this.restore(options.restore);
      } catch (e) {
        await scale?.leases.release(options.restore);
        throw e;
      }
      await scale?.codes.name(this.model.code, options.restore); // again, should Redis have lost it
    } else {
      this.start(options);
      if (scale) {
        await scale.leases.claim(this.sessionId, this.roomId, () => this.disconnect());
        await scale.codes.name(this.model.code, this.sessionId);
      }
    }
    this.services.directory.register(this.model.code, { roomId: this.roomId, stage: () => this.model.stage });
    projectSession(this.model, this.state, this.services.scenarios);
    this.restartPhaseTimer();
    this.clock.setInterval(() => this.closeIfIdle(), 60_000);
    this.bots = new BotDriver(
      this.clock,
      () => this.model,
      (actor, command) => this.dispatch(actor, command),
    );
    this.bots.wake();
  }

  /** A new session: its log is written before anyone can join, with the content it will run on. */
  private start(options: Exclude<CreateOptions, { restore: string }>) {
    // A fork plays on its original's settings and content, so the entries it copies fold to the same states.
    const origin = options.forkOf ? this.originOf(options.forkOf) : undefined;
    const header: LogHeader = {
      sessionId: sessionIdFor(options.code, Date.now()),
      code: options.code,
      seed: options.seed,
      createdAt: Date.now(),
      rulesVersion: origin ? origin.header.rulesVersion : RULES_VERSION,
      settings: origin ? origin.header.settings : options.settings,
      content: origin
        ? origin.header.content
        : { scenarios: this.services.scenarios, cards: this.services.cards },
      forkedFrom: options.forkOf,
    };
    const created = createSessionModel(header);
    if (!created.ok) throw new ServerError(400, created.refusal.message);
    this.model = created.state;
    this.rules = header.content;
    this.engine = (rulesOf(header.rulesVersion) as RulesVersion).engine;
    this.hostSecretHash = options.hostSecretHash;
    const prefix = origin ? this.foldPrefix(header, origin.entries) : undefined;
    try {
      this.log = this.services.logs.create(header, options.hostSecretHash);
    } catch (e) {
      console.error(`The log of new session ${header.sessionId} could not be created:`, (e as Error).message);
      this.services.storage.failed((e as Error).message);
      throw new ServerError(
        503,
        `The server could not save the new session. ${storageWords((e as Error).message)} Nothing was created; tell whoever runs the server.`,
      );
    }
    if (prefix) this.copyPrefix(prefix);
  }

  /**
   * The header with its content replaced by the server's own objects when they are equal, as they are for a
   * session begun on this release's content: a log read back parses its own copy of every card, several hundred
   * KB, which a hundred restored sessions would otherwise each keep.
   */
  private shared(header: LogHeader): LogHeader {
    const { scenarios, cards } = this.services;
    if (header.content.cards === cards && header.content.scenarios === scenarios) return header;
    if (JSON.stringify(header.content) === serverContentJson(this.services))
      header.content = { scenarios, cards };
    return header;
  }

  /** The header and the entries up to `seq` of the session a fork starts from. */
  private originOf(from: { sessionId: string; seq: number }): { header: LogHeader; entries: LogEntry[] } {
    const source = this.services.logs.open(from.sessionId);
    try {
      if (from.seq > source.lastSeq()) throw new ServerError(400, 'That moment is past the end of the log.');
      return {
        header: this.shared(source.header()),
        entries: source.entries().filter((e) => e.seq <= from.seq),
      };
    } finally {
      source.close();
    }
  }

  /** Folds a fork's prefix before its log is written, so a fork that cannot be made leaves no log behind. */
  private foldPrefix(header: LogHeader, prefix: LogEntry[]): { state: SessionModel; prefix: LogEntry[] } {
    const { state, problem } = foldLog(header, prefix);
    if (problem || !state)
      throw new ServerError(400, `That session cannot be forked there: ${problem?.message ?? 'no state'}.`);
    if (state.stage === 'ended') throw new ServerError(400, 'That moment is after the end of the session.');
    return { state, prefix };
  }

  /** A fork starts from the state another session had at entry `seq`: its log begins with those entries. */
  private copyPrefix({ state, prefix }: { state: SessionModel; prefix: LogEntry[] }) {
    this.log.appendAll(prefix);
    this.seq = prefix.length;
    this.model = state;
    this.log.setStage(state.stage);
    // Nobody of the original class is here: their seats wait, as gone, for the teacher to hand them on.
    for (const m of Object.values(this.model.members)) {
      if (m.status !== 'gone') this.dispatch({ kind: 'system' }, { type: 'memberGone', memberId: m.id });
    }
    // Nobody is here yet: the phase waits, paused, for the teacher who asked for the fork to resume it.
    const { stage, settings, timerPaused } = this.model;
    if (stage === 'playing' && settings.timersOn && !timerPaused)
      this.dispatch({ kind: 'teacher' }, { type: 'pauseTimer' });
  }

  /** After a restart: the log folds back into the state it had; everyone who was connected is now away. */
  private restore(sessionId: string) {
    this.log = this.services.logs.open(sessionId);
    const header = this.log.header();
    const entries = this.log.entries();
    const { state, problem } = foldLog(header, entries);
    if (problem || !state)
      throw new ServerError(
        500,
        `The log of ${sessionId} cannot be folded: ${problem?.message ?? 'no state'}`,
      );
    this.model = state;
    this.rules = this.shared(header).content;
    this.engine = (rulesOf(header.rulesVersion) as RulesVersion).engine;
    this.seq = entries.length;
    this.hostSecretHash = this.log.status().hostSecretHash;
    for (const m of Object.values(this.model.members)) {
      if (m.status === 'connected')
        this.dispatch({ kind: 'system' }, { type: 'memberDropped', memberId: m.id });
    }
  }

  /**
   * New students per network in a minute (JOINS_PER_MINUTE, 120 by default): a class of MAX_MEMBERS behind one
   * school address, with room for retries, but not one student joining and leaving under new nicknames without
   * end. A tab taking its seat back with its seat key is never counted nor refused.
   */
  private get freshJoins(): RateLimiter {
    this.freshJoinLimiter ??= new RateLimiter(this.services.joinsPerMinute, 60_000);
    return this.freshJoinLimiter;
  }

  get sessionId(): string {
    return this.log.header().sessionId;
  }

  override onAuth(_client: Client, raw: unknown) {
    return this.admit(raw);
  }

  /**
   * Who may take a seat: the options, the code, the host secret, a seat key, a free nickname. Checked when the
   * seat is reserved (server/http/matchmaking.ts), so nothing without credentials holds a place, and again when
   * the socket opens, since the session may have moved on in between. Throws the refusal the user sees.
   * `network` is given at matchmaking: a new student's join counts against that network's joins.
   */
  admit(raw: unknown, network?: string): JoinOptions & { reclaim?: string } {
    const parsed = JoinOptions.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, firstIssue(parsed.error));
    const options = parsed.data;
    if (options.code !== this.model.code)
      throw new ServerError(404, 'That join code does not match this session.');
    if (options.role === 'teacher') {
      const given = Buffer.from(hashSecret(options.hostSecret), 'hex');
      if (!timingSafeEqual(given, Buffer.from(this.hostSecretHash, 'hex'))) {
        throw new ServerError(403, 'That host link is not valid for this session.');
      }
    }
    if (options.role === 'student' && options.memberKey) {
      const keyHash = hashSecret(options.memberKey);
      if (this.model.removed?.some((r) => r.keyHash === keyHash)) throw new ServerError(403, REMOVED_MESSAGE);
    }
    // In a what-if fork the original class's seats wait for the teacher: their old keys do not open them.
    if (options.role === 'student' && options.memberKey && !this.log.header().forkedFrom) {
      // A tab that kept its key takes its seat back (after a restart, or after the hold ran out).
      const keyHash = hashSecret(options.memberKey);
      const member = Object.values(this.model.members).find((m) => m.keyHash === keyHash);
      if (member) {
        this.refuseIfLockedOut(member.id);
        const dry = this.engine.applyCommand(
          this.model,
          { kind: 'system' },
          { type: 'reclaimSeat', memberId: member.id },
          this.rules,
        );
        if (!dry.ok && dry.refusal.code !== 'nothingToDo') throw new ServerError(409, dry.refusal.message);
        return { ...options, reclaim: member.id };
      }
    }
    if (options.role === 'projector') this.refuseIfProjectorsFull();
    if (options.role === 'student' && network !== undefined && this.freshJoins.blocked(network)) {
      const wait = this.freshJoins.retryAfterSeconds(network);
      throw new ServerError(
        429,
        `Too many students joined this session from your network in the last minute. Wait ${duration(wait)} and try again.`,
      );
    }
    if (options.role === 'student') {
      // A dry run, so a taken nickname is refused before the connection opens; onJoin applies it for real.
      const dry = this.engine.applyCommand(
        this.model,
        { kind: 'system' },
        { type: 'joinSession', nickname: options.nickname },
        this.rules,
      );
      if (!dry.ok) throw new ServerError(409, dry.refusal.message);
      if (network !== undefined) this.freshJoins.hit(network);
    }
    return options;
  }

  /**
   * `admit` for a seat asked for through another process (server/http/matchmaking.ts): the refusal comes back
   * as a value, since Colyseus's inter-process call reports any thrown error as a timeout.
   */
  seatRefusal(raw: unknown, network?: string): { code: number; message: string } | undefined {
    try {
      this.admit(raw, network);
      return undefined;
    } catch (e) {
      return { code: e instanceof ServerError ? e.code : 400, message: (e as Error).message };
    }
  }

  override onJoin(
    client: Client<{ userData: Caller }>,
    _options: unknown,
    auth: JoinOptions & { reclaim?: string },
  ) {
    this.lastActivity = Date.now();
    client.view = new StateView();
    let memberKey: string | undefined;
    if (auth.role === 'student' && auth.reclaim) {
      this.countCut(auth.reclaim); // a tab reopened with its seat key is a reconnection too
      const outcome = this.dispatch({ kind: 'system' }, { type: 'reclaimSeat', memberId: auth.reclaim });
      if (!outcome.ok && outcome.refusal.code !== 'nothingToDo')
        throw new ServerError(409, outcome.refusal.message);
      // A second tab with the same key takes over: the seat has one connection.
      for (const other of this.clients)
        if (other !== client && other.userData?.memberId === auth.reclaim) {
          // The old tab no longer speaks for the seat: its leaving must not mark the member away or gone.
          other.userData = { role: 'student' };
          other.leave(CLOSE_REMOVED, 'This seat was opened in another tab.');
        }
      client.userData = { role: 'student', memberId: auth.reclaim };
      memberKey = auth.memberKey;
    } else if (auth.role === 'student') {
      memberKey = randomBytes(24).toString('base64url');
      const outcome = this.dispatch(
        { kind: 'system' },
        { type: 'joinSession', nickname: auth.nickname, keyHash: hashSecret(memberKey) },
      );
      if (!outcome.ok) throw new ServerError(409, outcome.refusal.message);
      const joined = outcome.events.find((e) => e.type === 'memberJoined');
      client.userData = { role: 'student', memberId: joined?.memberId };
    } else {
      // Checked again here: reservations made at the same moment all passed admit.
      if (auth.role === 'projector') this.refuseIfProjectorsFull();
      client.userData = { role: auth.role };
    }
    // The seat was dispatched before this connection knew who it is: its sight is given from here on.
    this.refreshViews();
    this.refreshPresence();
    this.welcome(client, memberKey);
  }

  override onDrop(client: Client<{ userData: Caller }>, code?: number) {
    const memberId = client.userData?.memberId;
    if (memberId && !this.model.members[memberId]) return; // removed by the teacher: nothing to hold
    if (code === CLOSE_REMOVED) return;
    if (memberId && !this.heldElsewhere(client, memberId)) {
      this.dispatch({ kind: 'system' }, { type: 'memberDropped', memberId });
    }
    this.refreshPresence();
    // Refused while the room shuts down, or for a connection that never finished joining: onLeave follows.
    this.allowReconnection(client, this.services.reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client<{ userData: Caller }>) {
    this.lastActivity = Date.now();
    const memberId = client.userData?.memberId;
    // Removed by the teacher while away: the held seat (and the team's view) is no longer this student's.
    if (memberId && !this.model.members[memberId]) {
      throw new ServerError(CLOSE_REMOVED, 'The teacher removed you from this session.');
    }
    if (memberId) this.countCut(memberId);
    if (memberId) this.dispatch({ kind: 'system' }, { type: 'memberReturned', memberId });
    this.refreshPresence();
    this.welcome(client);
  }

  override onLeave(client: Client<{ userData: Caller }>) {
    this.lastActivity = Date.now();
    const memberId = client.userData?.memberId;
    if (memberId && this.model.members[memberId] && !this.heldElsewhere(client, memberId))
      this.dispatch({ kind: 'system' }, { type: 'memberGone', memberId });
    this.refreshPresence();
  }

  private refuseIfProjectorsFull() {
    const boards = this.clients.filter((c) => c.userData?.role === 'projector').length;
    if (boards >= PROJECTORS_PER_SESSION)
      throw new ServerError(
        409,
        `This session already has ${PROJECTORS_PER_SESSION} projector boards open. Close one, then try again.`,
      );
  }

  private budgetOf(key: string): Budget {
    let budget = this.budgets.get(key);
    if (!budget) {
      budget = { sent: [], chat: [], cuts: [], lockedUntil: 0 };
      this.budgets.set(key, budget);
    }
    return budget;
  }

  /** A reconnection of `memberId`: past CUTS_PER_MINUTE in a minute, the member waits LOCKOUT_MS. Throws then. */
  private countCut(memberId: string) {
    const budget = this.budgetOf(memberId);
    const now = Date.now();
    this.refuseIfLockedOut(memberId);
    budget.cuts = [...budget.cuts.filter((t) => now - t < CUT_WINDOW_MS), now];
    if (budget.cuts.length > CUTS_PER_MINUTE) {
      budget.lockedUntil = now + LOCKOUT_MS;
      budget.cuts = [];
      this.refuseIfLockedOut(memberId);
    }
  }

  private refuseIfLockedOut(memberId: string) {
    const wait = (this.budgets.get(memberId)?.lockedUntil ?? 0) - Date.now();
    if (wait > 0)
      throw new ServerError(
        429,
        `Your connection was cut more than ${CUTS_PER_MINUTE} times in a minute. Wait ${duration(wait / 1000)}, then reload the page.`,
      );
  }

  /** Whether another live connection now holds this member's seat (it came back through its seat key). */
  private heldElsewhere(client: Client<{ userData: Caller }>, memberId: string): boolean {
    return this.clients.some((c) => c !== client && c.userData?.memberId === memberId);
  }

  override async onDispose() {
    const scale = this.services.scale;
    if (scale && this.model && this.log) await this.handOver(scale);
    else this.log?.close();
    if (!this.model) return; // onCreate refused the room (a matchmaking call without the capability)
    this.services.directory.unregister(this.model.code);
  }

  /**
   * Several processes: a session that is over frees its code; one that is not (its process is stopping) is
   * handed over: its log closed first (every entry already committed), then its lease given back and the other
   * processes told, so one of them restores it at once.
   */
  private async handOver(scale: RoomScale) {
    try {
      const stage = this.log.status().stage;
      this.log.close();
      if (stage !== 'lobby' && stage !== 'playing') {
        await scale.codes.free(this.model.code, this.sessionId);
        await scale.leases.release(this.sessionId);
      } else await scale.leases.handOver(this.sessionId);
    } catch (e) {
      this.log.close();
      console.error(`Session ${this.sessionId} was not handed over cleanly:`, (e as Error).message);
    }
  }

  /** Handles a validated client message: who sent it decides the actor; the rules decide the rest. */
  private fromClient(client: Client<{ userData: Caller }>, command: SessionCommand, ctx: MessageContext) {
    const seat = client.userData;
    const actor: Actor | undefined =
      seat?.role === 'teacher'
        ? { kind: 'teacher' }
        : seat?.role === 'student' && seat.memberId
          ? { kind: 'member', memberId: seat.memberId }
          : undefined;
    if (!actor) return ctx.reject({ code: 'notAllowed', message: 'The projector board only watches.' });
    if (
      (command.type === 'seatBot' || command.type === 'unseatBot') &&
      this.log.header().rulesVersion < BOTS_SINCE_RULES
    )
      return ctx.reject({
        code: 'notAllowed',
        message:
          'The server plays delegations only in sessions under the current rules; this one keeps older rules.',
      });
    // Rules version 1 knows no practice round, four roles and no assessments; its sessions (forks of old logs) keep them.
    if (
      this.log.header().rulesVersion < PRACTICE_SINCE_RULES &&
      (command.type === 'startPractice' || command.type === 'endPractice')
    )
      return ctx.reject({
        code: 'notAllowed',
        message:
          'The practice round runs only in sessions under the current rules; this one keeps older rules.',
      });
    if (
      this.log.header().rulesVersion < SIX_ROLES_SINCE_RULES &&
      (command.type === 'writeAssessment' ||
        (command.type === 'setRole' && (command.role === 'legal' || command.role === 'spokesperson')))
    )
      return ctx.reject({
        code: 'notAllowed',
        message:
          'This session keeps older rules, with four roles and no written assessments; new sessions have them.',
      });
    // Transport protection, not a rule (the rules never read a clock): the budget is the member's, whatever
    // connection the message came on.
    const budget = this.budgetOf(actor.kind === 'member' ? actor.memberId : 'teacher');
    const now = Date.now();
    budget.sent = budget.sent.filter((t) => now - t < MESSAGE_WINDOW_MS);
    if (budget.sent.length >= MEMBER_MESSAGES_PER_SECOND) {
      return ctx.reject({
        code: 'tooFast',
        message: `Slow down: at most ${MEMBER_MESSAGES_PER_SECOND} actions a second.`,
      });
    }
    budget.sent.push(now);
    if (command.type === 'sendMessage' || command.type === 'announce') {
      budget.chat = budget.chat.filter((t) => now - t < CHAT_WINDOW_MS);
      if (budget.chat.length >= CHAT_BURST) {
        return ctx.reject({
          code: 'tooFast',
          message: `Slow down: at most ${CHAT_BURST} messages in ${duration(CHAT_WINDOW_MS / 1000)}.`,
        });
      }
      budget.chat.push(now);
    }
    const outcome = this.dispatch(actor, command);
    if (!outcome.ok) return ctx.reject(outcome.refusal);
    return { version: outcome.state.version };
  }

  /** Applies a command; on success updates the synced state, views and timers, and sends the patch at once. */
  private dispatch(actor: Actor, command: SessionCommand): Outcome {
    const outcome = this.engine.applyCommand(this.model, actor, command, this.rules);
    if (!outcome.ok) return outcome;
    // Durable before anyone hears of it: the entry is in the log before the state changes or a reply goes out.
    const entry: LogEntry = {
      seq: this.seq + 1,
      at: Date.now(),
      actor,
      command,
      version: outcome.state.version,
    };
    try {
      if (this.state.host.storage !== '') this.log.reopen(); // the folder may be writable again
      this.log.appendAll([...this.unsaved, entry]);
      this.unsaved = [];
      this.storageProblem(undefined);
    } catch (e) {
      const problem = storageWords((e as Error).message);
      console.error(`The log of ${this.roomId} refused an entry (${command.type}):`, (e as Error).message);
      this.services.storage.failed((e as Error).message);
      this.storageProblem(problem);
      if (!PRESENCE.has(command.type))
        return { ok: false, refusal: { code: 'storage', message: STORAGE_MESSAGE } };
      this.unsaved.push(entry);
    }
    this.seq++;
    const stageBefore = this.model.stage;
    this.model = outcome.state;
    try {
      if (this.model.stage !== stageBefore) this.log.setStage(this.model.stage);
      for (const e of outcome.events)
        if (e.type === 'roundResolved') this.log.recordRoundHash(e.round, this.seq, stateHash(this.model));
    } catch (e) {
      // The entry itself is safe; a missing stage or hash is reported, and play goes on.
      console.error(
        `The log of ${this.roomId} could not record the stage or a round hash:`,
        (e as Error).message,
      );
    }
    projectSession(this.model, this.state, this.services.scenarios);
    for (const event of outcome.events) {
      if (event.type === 'memberRemoved') this.disconnectMember(event.memberId);
      if (event.type === 'phaseBegan' || event.type === 'sessionEnded' || event.type === 'practiceEnded')
        this.restartPhaseTimer();
      if (event.type === 'timerPaused') this.pauseTimer();
      if (event.type === 'timerResumed') this.startTimer(this.state.phaseRemainingMs);
      if (event.type === 'timerExtended') this.extendTimer(event.minutes * 60_000);
    }
    this.refreshViews();
    this.broadcastPatch();
    this.bots?.wake();
    return outcome;
  }

  /** Sends what changed to every connection, then lets the patch buffer go if this patch grew it. */
  override broadcastPatch(): boolean {
    const sent = super.broadcastPatch();
    releasePatchBuffer(this);
    return sent;
  }

  /**
   * Gives each connection sight of exactly what the visibility rule (shared/session/visibility.ts) lets it see
   * now: its desk, team chat and channels, every message in them, and for the teacher everything. The sight is
   * worked out once per standpoint and applied to each connection as a difference.
   */
  private refreshViews() {
    const byStandpoint = new Map<string, Set<Ref>>();
    for (const client of this.clients) {
      if (!client.view || !client.userData) continue;
      const sight = sightOf(this.model, onlookerOf(client.userData));
      let want = byStandpoint.get(sight.viewer);
      if (!want) {
        want = syncedSight(this.state, sight);
        byStandpoint.set(sight.viewer, want);
      }
      showOnly(client.view, this.state, want);
    }
  }

  /**
   * A new phase: its timer starts from the settings, or in the practice round from the practice script's minutes
   * (none with timers off, a practice moved on by hand, or the session over).
   */
  private restartPhaseTimer() {
    const { stage, phase, settings, practice } = this.model;
    this.state.phaseRemainingMs = 0;
    const minutes = phase && (practice ? practice.minutes?.[phase] : settings.phaseMinutes[phase]);
    if (stage !== 'playing' || !phase || !minutes || (!practice && !settings.timersOn)) {
      this.phaseTimer?.clear();
      this.phaseTimer = undefined;
      this.state.phaseEndsAt = 0;
      return;
    }
    if (this.model.timerPaused) {
      // Restored while paused: the phase waits, with its full time, for the teacher to resume it.
      this.phaseTimer?.clear();
      this.phaseTimer = undefined;
      this.state.phaseEndsAt = 0;
      this.state.phaseRemainingMs = practice ? minutes * 60_000 : phaseLengthMs(this.model, phase);
      return;
    }
    // With every delegation played by the server and nobody seated, phases run short (watch the bots play).
    this.startTimer(practice ? minutes * 60_000 : phaseLengthMs(this.model, phase));
  }

  /** Runs the current phase's timer for `ms`; when it fires, the rules hear phaseTimeUp for this very phase. */
  private startTimer(ms: number) {
    this.phaseTimer?.clear();
    const { round, phase } = this.model;
    if (!phase) return;
    this.state.phaseEndsAt = Date.now() + ms;
    this.state.phaseRemainingMs = 0;
    this.phaseTimer = this.clock.setTimeout(() => {
      this.dispatch({ kind: 'system' }, { type: 'phaseTimeUp', round, phase });
    }, ms);
  }

  private pauseTimer() {
    this.phaseTimer?.clear();
    this.phaseTimer = undefined;
    this.state.phaseRemainingMs = Math.max(0, this.state.phaseEndsAt - Date.now());
    this.state.phaseEndsAt = 0;
  }

  private extendTimer(ms: number) {
    if (this.model.timerPaused) this.state.phaseRemainingMs += ms;
    else this.startTimer(Math.max(0, this.state.phaseEndsAt - Date.now()) + ms);
  }

  private disconnectMember(memberId: string) {
    for (const client of this.clients) {
      if (client.userData?.memberId === memberId)
        client.leave(CLOSE_REMOVED, 'The teacher removed you from this session.');
    }
  }

  /**
   * What the teacher's console shows in its banner while this session's log cannot be written ('' when it can):
   * a teacher-only synced field, so students are refused in plain words and the teacher learns why.
   */
  private storageProblem(problem: string | undefined) {
    const text = problem
      ? `${problem} This session's actions cannot be saved: students' actions are refused until it is fixed. Tell whoever runs the server.`
      : '';
    if (this.state.host.storage !== text) this.state.host.storage = text;
  }

  private refreshPresence() {
    const host = this.clients.some((c) => c.userData?.role === 'teacher');
    if (this.state.hostConnected !== host) this.state.hostConnected = host;
    const boards = this.clients.filter((c) => c.userData?.role === 'projector').length;
    if (this.state.projectors !== boards) this.state.projectors = boards;
  }

  private welcome(client: Client<{ userData: Caller }>, memberKey?: string) {
    const seat = client.userData;
    if (!seat) return;
    const welcome: Welcome = {
      role: seat.role,
      ...(memberKey ? { memberKey } : {}),
      ...(seat.memberId ? { memberId: seat.memberId } : {}),
      serverTime: Date.now(),
    };
    client.send('welcome', welcome);
  }

  /** Closes a session nobody has been connected to for the configured idle time. */
  private closeIfIdle() {
    if (this.clients.length > 0) {
      this.lastActivity = Date.now();
      return;
    }
    if (Date.now() - this.lastActivity > this.services.idleHours * 3_600_000) {
      // Closed for being idle: its log stays for replay, and a restart does not bring it back.
      if (this.model.stage !== 'ended') this.log.setStage('closed');
      this.disconnect();
    }
  }
}
