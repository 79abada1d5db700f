import { DELEGATIONS, type Delegation, isDelegation } from '../model/seats.ts';
import type { World } from '../rules/model.ts';
import { type Viewer, viewFor, type WorldView } from '../rules/views.ts';
import { type Message, PAIRS, type Pair, partiesOf } from './chat.ts';
import type { SessionEvent } from './commands.ts';
import type { SessionModel, TeamDesk } from './model.ts';

/**
 * Who may see what in a session, written once. The room gives each connection sight of exactly this (through
 * StateView), the replay draws and narrates a moment through it, and the world-level filter (`viewFor`) is called
 * from here. The debrief and the exports read the whole log: they open only with the instructor's key.
 */

/** Who looks: a connection in the room, or the replay through chosen eyes. */
export type Onlooker =
  | { kind: 'teacher' }
  | { kind: 'member'; memberId: string } // a student: a delegation's member, an observer, or not seated yet
  | { kind: 'projector' }
  | { kind: 'eyes'; viewer: Viewer }; // the replay, through the teacher's, a delegation's or the class's eyes

/** What one onlooker may know of a session at one moment. Public parts (roster, channel status, floor) are for all. */
export interface Sight {
  viewer: Viewer; // where the onlooker stands: 'teacher', its delegation ('china'), or 'public'
  desks: Partial<Record<Delegation, TeamDesk>>; // the desks whose draft and orders it reads
  teamChats: Partial<Record<Delegation, readonly Message[]>>; // the team chats it reads
  channels: Partial<Record<Pair, readonly Message[]>>; // what is said in the bilateral channels it is part of
  floor: readonly Message[]; // the CD floor, public
  world: WorldView | undefined; // the world as it may know it; undefined before round 1
}

/**
 * Where an onlooker stands. A student stands with the delegation it is seated at (gone or away included: the seat
 * waits for it); an observer, a student not seated yet or removed, and the projector stand with the class.
 */
export function standpointOf(model: SessionModel, onlooker: Onlooker): Viewer {
  switch (onlooker.kind) {
    case 'teacher':
      return 'teacher';
    case 'projector':
      return 'public';
    case 'eyes':
      return onlooker.viewer;
    case 'member': {
      const seat = model.members[onlooker.memberId]?.seat;
      return seat && isDelegation(seat) ? seat : 'public';
    }
  }
}

/** A delegation's desk, team chat and private world view are its own and the teacher's. */
const readsDesk = (viewer: Viewer, d: Delegation) => viewer === 'teacher' || viewer === d;
/** A bilateral channel's words are its two delegations' and the teacher's (its status is public). */
const readsChannel = (viewer: Viewer, pair: Pair) =>
  viewer === 'teacher' || (isDelegation(viewer) && partiesOf(pair).includes(viewer));

/** Everything `onlooker` may know of the session now: the one rule of who sees what. */
export function sightOf(model: SessionModel, onlooker: Onlooker): Sight {
  const viewer = standpointOf(model, onlooker);
  const desks: Sight['desks'] = {};
  const teamChats: Sight['teamChats'] = {};
  for (const d of DELEGATIONS) {
    if (!readsDesk(viewer, d)) continue;
    desks[d] = model.teams[d];
    teamChats[d] = model.chat.team[d];
  }
  const channels: Sight['channels'] = {};
  for (const pair of PAIRS)
    if (readsChannel(viewer, pair)) channels[pair] = model.chat.channels[pair].messages;
  return {
    viewer,
    desks,
    teamChats,
    channels,
    floor: model.chat.floor,
    world: intelligenceOf(model, viewer),
  };
}

const worldViews = new WeakMap<World, Map<string, WorldView>>();

/**
 * The world as `viewer` may know it: `viewFor` at its standpoint, everything but the teacher's notes once the
 * session has ended. Worlds are never changed in place, so each view is computed once per world and shared.
 */
export function intelligenceOf(model: SessionModel, viewer: Viewer): WorldView | undefined {
  const w = model.world;
  if (!w) return undefined;
  const ended = model.stage === 'ended';
  let byViewer = worldViews.get(w);
  if (!byViewer) {
    byViewer = new Map();
    worldViews.set(w, byViewer);
  }
  const key = `${viewer}|${ended}`;
  let view = byViewer.get(key);
  if (!view) {
    view = viewFor(w, viewer, ended);
    byViewer.set(key, view);
  }
  return view;
}

/** The delegations whose desks a sight reads, in table order. */
export function desksIn(sight: Sight): Delegation[] {
  return DELEGATIONS.filter((d) => sight.desks[d] !== undefined);
}

/** The bilateral channels whose words a sight reads. */
export function channelsIn(sight: Sight): Pair[] {
  return PAIRS.filter((p) => sight.channels[p] !== undefined);
}

/**
 * Whether an onlooker may read what an event says, or only that something happened: another desk's work (its
 * notes, orders, or taking back a confirmation), a card shown to other delegations, a message said where it
 * cannot listen. Judged with the sight of the moment just after the event.
 */
export function readsEvent(sight: Sight, event: SessionEvent): boolean {
  switch (event.type) {
    case 'draftEdited':
    case 'ordersSet':
    case 'ordersWithdrawn':
    case 'assessmentWritten':
      return isDelegation(event.seat) ? sight.desks[event.seat] !== undefined : sight.viewer === 'teacher';
    case 'cardRevealed':
      return sight.world?.cards.some((c) => c.card.id === event.cardId) ?? sight.viewer === 'teacher';
    case 'messagePosted': {
      const lists = [sight.floor, ...Object.values(sight.teamChats), ...Object.values(sight.channels)];
      return lists.some((list) => list?.some((m) => m.id === event.messageId));
    }
    default:
      return true;
  }
}
