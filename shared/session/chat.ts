import type { RoundPhase } from '../model/phases.ts';
import { DELEGATIONS, type Delegation } from '../model/seats.ts';

/** How many messages a channel keeps in the live state; the log keeps them all. */
export const CHAT_KEEP = 60;
export const MESSAGE_MAX_LENGTH = 500;

/** A bilateral channel is named by its two delegations in table order: "us-china", "us-russia", "china-russia". */
export const PAIRS = ['us-china', 'us-russia', 'china-russia'] as const;
export type Pair = (typeof PAIRS)[number];

export function pairOf(a: Delegation, b: Delegation): Pair {
  const [x, y] = DELEGATIONS.indexOf(a) < DELEGATIONS.indexOf(b) ? [a, b] : [b, a];
  return `${x}-${y}` as Pair;
}

export function partiesOf(pair: Pair): [Delegation, Delegation] {
  return pair.split('-') as [Delegation, Delegation];
}

/** One chat message, as plain text (never rendered as HTML). */
export interface Message {
  id: number; // increasing within the session
  from: string; // member id, or "teacher"
  nickname: string;
  seat: string; // the sender's delegation (or "teacher")
  text: string;
  round: number;
  phase?: RoundPhase; // set on a bot's messages only (a bot answers in a channel once a phase); absent otherwise
}

export interface Channel {
  status: 'closed' | 'requested' | 'open';
  requestedBy: Delegation | undefined;
  messages: Message[];
}

/**
 * The session's conversations: each team's private chat, the bilateral channels (open once both sides agree),
 * and the public CD floor that the projector shows.
 */
export interface Chat {
  nextId: number;
  team: Record<Delegation, Message[]>;
  channels: Record<Pair, Channel>;
  floor: Message[];
}

export function emptyChat(): Chat {
  const channel = (): Channel => ({ status: 'closed', requestedBy: undefined, messages: [] });
  return {
    nextId: 1,
    team: { us: [], china: [], russia: [] },
    channels: { 'us-china': channel(), 'us-russia': channel(), 'china-russia': channel() },
    floor: [],
  };
}

/** Appends a message and keeps the last CHAT_KEEP. */
export function post(list: Message[], message: Message): void {
  list.push(message);
  if (list.length > CHAT_KEEP) list.splice(0, list.length - CHAT_KEEP);
}

/**
 * The roles inside a delegation, in the order they are handed out as students sit down (see rolesOf): the
 * head confirms the orders; each other role has a task a phase (shared/session/roleHelp.ts). A delegation of
 * six holds every role once; from the seventh member on, roles are shared, second diplomat first.
 */
export const ROLES = ['head', 'diplomat', 'commander', 'analyst', 'legal', 'spokesperson'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_NAMES: Record<Role, string> = {
  head: 'Head of delegation',
  diplomat: 'Diplomat (CD floor and bilateral talks)',
  commander: 'Space commander (orbit orders)',
  analyst: 'Analyst (what the sensors saw)',
  legal: 'Legal adviser (treaty texts and amendments)',
  spokesperson: 'Spokesperson (statements on the CD floor)',
};
