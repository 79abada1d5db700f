import type { RoundPhase } from '../../../shared/model/phases.ts';
import { DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import type { ReplayLog } from '../../../shared/protocol/http.ts';
import type { RevealedCard, World } from '../../../shared/rules/model.ts';
import type { Order } from '../../../shared/rules/orders.ts';
import type { SessionEvent } from '../../../shared/session/commands.ts';
import { type FoldProblem, foldLog, type LogEntry, stateHash } from '../../../shared/session/log.ts';
import type { SessionModel } from '../../../shared/session/model.ts';
import { CURRENT_RULES, type RulesEngine, rulesOf } from '../../../shared/session/rulesVersions.ts';

/**
 * A session's log folded in the browser with the shared rules it was played under (shared/session/log.ts and
 * rulesVersions.ts). A state carries the
 * chat and the roster, so keeping one per entry would not fit a long class period: states are kept every
 * CHECKPOINT_EVERY entries and at every phase, and any other one is folded again from the nearest of them
 * with the shared reducer (at most CHECKPOINT_EVERY - 1 commands). Worlds are shared between states.
 */
const CHECKPOINT_EVERY = 20;
const RECENT = 48;

/** What happened at one position (frames[0] is the session as created, before any entry; frames[i] follows seq i). */
export interface Frame {
  entry: LogEntry | undefined;
  events: SessionEvent[];
  resolved: number; // rounds resolved up to and including this frame
  stage: SessionModel['stage'];
}

/** Where a phase (or the lobby, or the end) begins: the jump-to buttons. */
export interface PhaseMark {
  index: number;
  round: number;
  phase: RoundPhase | 'lobby' | 'ended';
  year: number | undefined;
  practice?: true; // a phase of the practice round (round 0), or the lobby it returned to: nothing in it counts
}

/** A delegation's desk as the round was resolved. */
export interface DeskAtResolution {
  orders: Order[];
  confirmed: boolean; // the head confirmed them
  unplayable: string | undefined; // confirmed, but a card had made them impossible: not played
  notes: string;
}

/** One resolved round: the world before and after, and what each delegation had on its desk. */
export interface RoundRecord {
  round: number;
  year: number | undefined;
  index: number; // the frame of the resolution
  hash: string; // the state's fingerprint just after the resolution, to compare with the one recorded in play
  before: World;
  after: World;
  desks: Record<Delegation, DeskAtResolution>;
}

/** A card as it came into play, placed on the round axis (0.5: during round 1). */
export interface CardMark {
  index: number;
  x: number;
  card: RevealedCard;
}

export interface ReplayBookmark {
  seq: number;
  note: string;
  from: 'play' | 'replay'; // added during play (a log entry) or later in the replay viewer
  at: number;
}

export interface Replay {
  id: string;
  log: ReplayLog;
  frames: Frame[];
  problem: FoldProblem | undefined;
  marks: PhaseMark[];
  rounds: RoundRecord[];
  cards: CardMark[];
  start: World | undefined; // the world as round 1 began, before its cards
  bookmarks: ReplayBookmark[];
  scenarioTitle: string;
  final: SessionModel | undefined; // the state at the last entry that folds
  nicknames: Map<string, string>; // every member id ever seen, with its nickname (ids are never reused)
  checkpoints: Map<number, SessionModel>;
  recent: Map<number, SessionModel>; // the states last asked for, so stepping applies one command
}

/** The orders a delegation's confirmed desk played (the rules play confirmed orders that are still possible). */
export function played(desk: DeskAtResolution): Order[] {
  return desk.confirmed && !desk.unplayable ? desk.orders : [];
}

/** The engine of the rules a log was played under; today's for a version this build lacks (foldLog refuses it). */
const engineOf = (log: ReplayLog): RulesEngine => (rulesOf(log.header.rulesVersion) ?? CURRENT_RULES).engine;

export function buildReplay(id: string, log: ReplayLog): Replay {
  const { ordersProblem, newWorld } = engineOf(log);
  const frames: Frame[] = [];
  const marks: PhaseMark[] = [{ index: 0, round: 0, phase: 'lobby', year: undefined }];
  const rounds: RoundRecord[] = [];
  const cards: CardMark[] = [];
  const bookmarks: ReplayBookmark[] = [];
  const checkpoints = new Map<number, SessionModel>();
  const nicknames = new Map<string, string>();
  let resolved = 0;
  let start: World | undefined;
  let previous: SessionModel | undefined;
  const { state: final, problem } = foldLog(log.header, log.entries, (state, entry, events) => {
    const index = frames.length;
    let checkpoint = index % CHECKPOINT_EVERY === 0;
    for (const e of events) {
      if (e.type === 'phaseBegan') {
        marks.push({
          index,
          round: e.round,
          phase: e.phase,
          year: e.year,
          ...(state.practice ? { practice: true } : {}),
        });
        checkpoint = true;
      } else if (e.type === 'practiceEnded') {
        marks.push({ index, round: 0, phase: 'lobby', year: undefined, practice: true });
        checkpoint = true;
      } else if (e.type === 'sessionEnded')
        marks.push({ index, round: state.round, phase: 'ended', year: undefined });
      else if (e.type === 'memberJoined') nicknames.set(e.memberId, e.nickname);
      else if (e.type === 'bookmarkAdded' && entry)
        bookmarks.push({ seq: entry.seq, note: e.note, from: 'play', at: entry.at });
      else if (e.type === 'roundResolved' && previous?.world && state.world) {
        resolved++;
        const before = previous.world;
        const desks = {} as Record<Delegation, DeskAtResolution>;
        for (const d of DELEGATIONS) {
          const desk = previous.teams[d];
          desks[d] = {
            orders: desk.orders,
            confirmed: desk.submitted,
            unplayable: desk.submitted ? ordersProblem(before, d, desk.orders) : undefined,
            notes: desk.draft,
          };
        }
        rounds.push({
          round: e.round,
          year: previous.settings.years[e.round - 1],
          index,
          hash: stateHash(state),
          before,
          after: state.world,
          desks,
        });
      } else if (e.type === 'cardRevealed' && !state.practice) {
        // Cards the practice round dealt on its own copy of the world come again in round 1: counted there.
        const card = state.world?.cards.find((c) => c.card.id === e.cardId);
        if (card) cards.push({ index, x: resolved + 0.5, card });
      }
    }
    if (state.world && !start && !state.practice) {
      // The world before round 1's cards, made the way the session made it when it started.
      const scenario = log.header.content.scenarios.find((x) => x.id === state.settings.scenarioId);
      start = newWorld(state.seed, state.settings.years, scenario?.start);
    }
    if (checkpoint) checkpoints.set(index, state);
    frames.push({ entry, events, resolved, stage: state.stage });
    previous = state;
  });
  for (const b of log.bookmarks) bookmarks.push({ seq: b.seq, note: b.note, from: 'replay', at: b.at });
  bookmarks.sort((a, b) => a.seq - b.seq || a.at - b.at);
  const scenarioId = final?.settings.scenarioId;
  return {
    id,
    log,
    frames,
    problem,
    marks,
    rounds,
    cards,
    start,
    bookmarks,
    scenarioTitle: log.header.content.scenarios.find((x) => x.id === scenarioId)?.title ?? scenarioId ?? '',
    final,
    nicknames,
    checkpoints,
    recent: new Map(),
  };
}

/** The state at a position, folded again from the nearest kept state with the shared reducer. */
export function stateAt(replay: Replay, index: number): SessionModel {
  const known = (i: number) => replay.recent.get(i) ?? replay.checkpoints.get(i);
  const hit = known(index);
  if (hit) return hit;
  let from = index;
  while (from > 0 && !known(from)) from--;
  let state = known(from) as SessionModel;
  for (let i = from + 1; i <= index; i++) {
    const entry = replay.log.entries[i - 1] as LogEntry;
    const out = engineOf(replay.log).applyCommand(
      state,
      entry.actor,
      entry.command,
      replay.log.header.content,
    );
    if (!out.ok) break; // cannot happen: the same entries folded a moment ago
    state = out.state;
    replay.recent.set(i, state);
    if (replay.recent.size > RECENT) replay.recent.delete(replay.recent.keys().next().value as number);
  }
  return state;
}

/** The last phase mark at or before a frame: where the replay stands. */
export function markAt(replay: Replay, index: number): PhaseMark {
  let found = replay.marks[0] as PhaseMark;
  for (const m of replay.marks) if (m.index <= index) found = m;
  return found;
}

/** The world at the end of the session (or as far as the log folds). */
export function finalWorld(replay: Replay): World | undefined {
  return replay.final?.world;
}
