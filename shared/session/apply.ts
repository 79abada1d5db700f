import { type Card, cardYear } from '../content/card.ts';
import type { ScenarioSummary } from '../content/scenario.ts';
import { customCard, drawCards, revealCards } from '../rules/cards.ts';
import { PHASE_NAMES, ROUND_PHASES, type RoundPhase } from '../model/phases.ts';
import { nicknameKey } from '../model/nickname.ts';
import { DELEGATION_NAMES, isDelegation, type Delegation, type Seat, SEAT_NAMES } from '../model/seats.ts';
import { type Refusal, type RefusalCode, SENDERS } from '../protocol.ts';
import type { Order } from '../rules/orders.ts';
import { ordersProblem } from '../rules/orders.ts';
import { newWorld, resolveRound } from '../rules/resolve.ts';
import { pairOf, post, ROLE_NAMES } from './chat.ts';
import type { Actor, SessionCommand, SessionEvent } from './commands.ts';
import { currentYear, emptyDesk, headOf, type Member, type SessionModel, seatCount } from './model.ts';

/** The most students one session holds, observers included. */
export const MAX_MEMBERS = 100;

/** Phases in which a delegation may work on its draft. */
const DRAFT_PHASES: readonly RoundPhase[] = ['negotiation', 'orders'];

/** What the rules may read besides the state: the content loaded at start, never a clock or a socket. */
export interface RulesContext {
  scenarios: readonly ScenarioSummary[];
  cards: readonly Card[];
}

export type Outcome =
  | { ok: true; state: SessionModel; events: SessionEvent[] }
  | { ok: false; refusal: Refusal };

const refuse = (code: RefusalCode, message: string): Outcome => ({ ok: false, refusal: { code, message } });

/**
 * Applies one command to a session: checks who may act now, then returns the next state (version + 1) and the
 * events that narrate it, or a refusal that changes nothing. Pure: the input state is never mutated.
 */
export function applyCommand(
  state: SessionModel,
  actor: Actor,
  command: SessionCommand,
  ctx: RulesContext,
): Outcome {
  const who = checkSender(state, actor, command);
  if (who) return who;
  // The world is never changed in place (a resolution returns a new one), so it is shared, not copied.
  const next: SessionModel = { ...structuredClone({ ...state, world: undefined }), world: state.world };
  const result = handle(next, actor, command, ctx);
  if (!Array.isArray(result)) return result;
  next.version = state.version + 1;
  return { ok: true, state: next, events: result };
}

function checkSender(state: SessionModel, actor: Actor, command: SessionCommand): Outcome | undefined {
  const sender = command.type in SENDERS ? SENDERS[command.type as keyof typeof SENDERS] : 'system';
  if (sender === 'teacher' && actor.kind !== 'teacher')
    return refuse('notAllowed', 'Only the teacher can do that.');
  if (sender === 'system' && actor.kind !== 'system')
    return refuse('notAllowed', 'Only the server can do that.');
  if (sender === 'member') {
    if (actor.kind !== 'member') return refuse('notAllowed', 'Only students at a seat can do that.');
    const member = state.members[actor.memberId];
    if (!member || member.status === 'gone')
      return refuse('unknownMember', 'You are no longer in this session.');
  }
  return undefined;
}

/** Mutates `s` (a fresh copy) and returns the events, or returns a refusal. */
function handle(
  s: SessionModel,
  actor: Actor,
  c: SessionCommand,
  ctx: RulesContext,
): SessionEvent[] | Outcome {
  const self = actor.kind === 'member' ? s.members[actor.memberId] : undefined;
  switch (c.type) {
    case 'joinSession': {
      if (s.stage === 'ended')
        return refuse('wrongStage', 'This session has ended. Ask your teacher for the new code.');
      const key = nicknameKey(c.nickname);
      const same = Object.values(s.members).filter((m) => nicknameKey(m.nickname) === key);
      if (same.some((m) => m.status === 'connected')) {
        return refuse(
          'nicknameTaken',
          `Someone here is already called "${c.nickname}". Add an initial or pick another nickname.`,
        );
      }
      if (same.some((m) => m.status === 'away')) {
        return refuse(
          'nicknameTaken',
          `"${c.nickname}" is away and their seat is held for a few minutes. If that is you, go back to the tab you joined from; or join under another nickname and ask the teacher to give you the seat.`,
        );
      }
      if (Object.keys(s.members).length >= MAX_MEMBERS) {
        return refuse('sessionFull', `This session is full (${MAX_MEMBERS} students).`);
      }
      const id = `m${s.nextMemberNumber++}`;
      s.members[id] = {
        id,
        nickname: c.nickname,
        seat: 'unseated',
        status: 'connected',
        ...(c.keyHash ? { keyHash: c.keyHash } : {}),
      };
      const former = same[0];
      return [
        {
          type: 'memberJoined',
          memberId: id,
          nickname: c.nickname,
          ...(former ? { formerMemberId: former.id } : {}),
        },
      ];
    }

    case 'chooseSeat': {
      const me = self as Member;
      if (s.stage === 'ended') return refuse('wrongStage', 'The session has ended.');
      if (me.seat === c.seat) return refuse('nothingToDo', `You already sit with ${SEAT_NAMES[c.seat]}.`);
      if (s.teamsLocked && c.seat !== 'observer') {
        return refuse('teamsLocked', 'The teacher has locked the teams. Ask the teacher to move you.');
      }
      const full = checkRoom(s, c.seat);
      if (full) return full;
      me.seat = c.seat;
      claimHead(s, me);
      return [{ type: 'seatChosen', memberId: me.id, seat: c.seat, by: 'student' }];
    }

    case 'editDraft': {
      const me = self as Member;
      const desk = deskOf(s, me);
      if (!desk) return refuse('notSeated', 'Sit at a delegation to work on its draft.');
      if (s.stage !== 'playing' || !s.phase || !DRAFT_PHASES.includes(s.phase)) {
        return refuse('wrongPhase', `Drafts are open in the negotiation and orders phases; ${nowText(s)}.`);
      }
      // Notes are the team's scratchpad: editing them leaves confirmed orders as they are.
      desk.draft = c.text;
      return [{ type: 'draftEdited', seat: me.seat, memberId: me.id }];
    }

    case 'submitOrders': {
      const me = self as Member;
      const desk = deskOf(s, me);
      if (!desk) return refuse('notSeated', 'Sit at a delegation to submit its orders.');
      if (s.stage !== 'playing' || s.phase !== 'orders') {
        return refuse('wrongPhase', `Orders are submitted in the orders phase; ${nowText(s)}.`);
      }
      if (desk.submitted) return refuse('nothingToDo', "Your delegation's orders are already in.");
      const head = headOf(s, me.seat as Delegation);
      if (head && head.id !== me.id) {
        return refuse('notHead', `Only the head of delegation (${head.nickname}) confirms the orders.`);
      }
      desk.submitted = true;
      return [{ type: 'ordersSubmitted', seat: me.seat, memberId: me.id }];
    }

    case 'setOrders': {
      const me = self as Member;
      const desk = deskOf(s, me);
      if (!desk) return refuse('notSeated', 'Sit at a delegation to draft its orders.');
      if (s.stage !== 'playing' || !s.world || !s.phase || !DRAFT_PHASES.includes(s.phase)) {
        return refuse(
          'wrongPhase',
          `Orders are drafted in the negotiation and orders phases; ${nowText(s)}.`,
        );
      }
      const problem = ordersProblem(s.world, me.seat as Delegation, c.orders as Order[]);
      if (problem) return refuse('invalidOrders', problem);
      desk.orders = c.orders as Order[];
      const events: SessionEvent[] = [
        { type: 'ordersSet', seat: me.seat, memberId: me.id, count: c.orders.length },
      ];
      if (desk.submitted) {
        desk.submitted = false;
        events.push({ type: 'ordersWithdrawn', seat: me.seat, memberId: me.id });
      }
      return events;
    }

    case 'setHead': {
      const member = s.members[c.memberId];
      if (!member || member.status === 'gone')
        return refuse('unknownMember', 'That student is no longer in the session.');
      if (!isDelegation(member.seat))
        return refuse('notSeated', `${member.nickname} does not sit at a delegation.`);
      if (headOf(s, member.seat)?.id === member.id && s.teams[member.seat].headId === member.id) {
        return refuse('nothingToDo', `${member.nickname} already heads the delegation.`);
      }
      s.teams[member.seat].headId = member.id;
      return [{ type: 'headChosen', seat: member.seat, memberId: member.id }];
    }

    case 'pauseTimer':
    case 'resumeTimer': {
      if (s.stage !== 'playing') return refuse('wrongStage', 'Timers run only during the rounds.');
      if (!s.settings.timersOn) return refuse('nothingToDo', 'Phase timers are off for this session.');
      const pause = c.type === 'pauseTimer';
      if (s.timerPaused === pause)
        return refuse(
          'nothingToDo',
          pause ? 'The timer is already paused.' : 'The timer is already running.',
        );
      s.timerPaused = pause;
      return [{ type: pause ? 'timerPaused' : 'timerResumed' }];
    }

    case 'extendTimer':
      if (s.stage !== 'playing') return refuse('wrongStage', 'Timers run only during the rounds.');
      if (!s.settings.timersOn) return refuse('nothingToDo', 'Phase timers are off for this session.');
      return [{ type: 'timerExtended', minutes: c.minutes }];

    case 'updateSettings': {
      if (s.stage !== 'lobby')
        return refuse('wrongStage', 'Settings can change only in the lobby, before round 1.');
      const set = s.settings;
      if (c.scenarioId !== undefined && c.scenarioId !== set.scenarioId) {
        const scenario = ctx.scenarios.find((x) => x.id === c.scenarioId);
        if (!scenario)
          return refuse('unknownScenario', `There is no scenario "${c.scenarioId}" on this server.`);
        set.scenarioId = scenario.id;
        set.years = [...scenario.years];
        set.phaseMinutes = { ...scenario.phaseMinutes };
      }
      if (c.phaseMinutes) {
        for (const p of ROUND_PHASES) {
          const m = c.phaseMinutes[p];
          if (m !== undefined) set.phaseMinutes[p] = m;
        }
      }
      if (c.timersOn !== undefined) set.timersOn = c.timersOn;
      if (c.lockTeamsOnStart !== undefined) set.lockTeamsOnStart = c.lockTeamsOnStart;
      if (c.maxPerDelegation !== undefined) {
        for (const d of Object.keys(DELEGATION_NAMES) as Delegation[]) {
          const n = seatCount(s, d);
          if (n > c.maxPerDelegation) {
            return refuse(
              'delegationFull',
              `${DELEGATION_NAMES[d]} already has ${n} students; move some before lowering the limit to ${c.maxPerDelegation}.`,
            );
          }
        }
        set.maxPerDelegation = c.maxPerDelegation;
      }
      return [{ type: 'settingsUpdated' }];
    }

    case 'lockTeams': {
      if (s.stage === 'ended') return refuse('wrongStage', 'The session has ended.');
      if (s.teamsLocked === c.locked) {
        return refuse(
          'nothingToDo',
          c.locked ? 'The teams are already locked.' : 'The teams are already open.',
        );
      }
      s.teamsLocked = c.locked;
      return [{ type: 'teamsLocked', locked: c.locked }];
    }

    case 'assignSeat': {
      if (s.stage === 'ended') return refuse('wrongStage', 'The session has ended.');
      const member = s.members[c.memberId];
      if (!member) return refuse('unknownMember', 'That student is no longer in the session.');
      if (member.seat === c.seat) {
        return refuse('nothingToDo', `${member.nickname} already sits with ${SEAT_NAMES[c.seat]}.`);
      }
      const full = checkRoom(s, c.seat);
      if (full) return full;
      member.seat = c.seat;
      claimHead(s, member);
      return [{ type: 'seatChosen', memberId: member.id, seat: c.seat, by: 'teacher' }];
    }

    case 'removeMember': {
      const member = s.members[c.memberId];
      if (!member) return refuse('unknownMember', 'That student is no longer in the session.');
      delete s.members[c.memberId];
      return [{ type: 'memberRemoved', memberId: member.id, nickname: member.nickname }];
    }

    case 'restoreSeat': {
      const member = s.members[c.memberId];
      const former = s.members[c.formerMemberId];
      if (!member || member.status === 'gone') {
        return refuse('unknownMember', 'Hand the seat to a student who is in the session now.');
      }
      if (!former) return refuse('unknownMember', 'That old seat has already been handed on or removed.');
      if (former.status === 'connected') {
        return refuse(
          'nothingToDo',
          `${former.nickname} is connected; only the seat of a student who is away or gone can be handed on.`,
        );
      }
      member.seat = former.seat;
      // Whoever held the head's chair keeps it through the handover.
      if (isDelegation(former.seat) && s.teams[former.seat].headId === former.id)
        s.teams[former.seat].headId = member.id;
      delete s.members[former.id];
      return [{ type: 'seatRestored', memberId: member.id, formerMemberId: former.id, seat: member.seat }];
    }

    case 'startSession': {
      if (s.stage !== 'lobby') return refuse('wrongStage', 'The session has already started.');
      const seated = Object.values(s.members).some((m) => isDelegation(m.seat));
      if (!seated) {
        return refuse(
          'notSeated',
          'Nobody sits at a delegation yet: wait for students to choose, or assign them.',
        );
      }
      s.stage = 'playing';
      s.world = newWorld(s.seed, s.settings.years, scenarioOf(s, ctx)?.start);
      const events: SessionEvent[] = [{ type: 'sessionStarted' }];
      if (s.settings.lockTeamsOnStart && !s.teamsLocked) {
        s.teamsLocked = true;
        events.push({ type: 'teamsLocked', locked: true });
      }
      return [...events, ...beginRound(s, 1, ctx)];
    }

    case 'advancePhase':
      if (s.stage !== 'playing')
        return refuse(
          'wrongStage',
          s.stage === 'lobby' ? 'Start the session first.' : 'The session has ended.',
        );
      return advance(s, ctx);

    case 'phaseTimeUp':
      if (s.timerPaused)
        return refuse('nothingToDo', 'The timer is paused: the phase waits for the teacher.');
      if (s.stage !== 'playing' || s.round !== c.round || s.phase !== c.phase) {
        return refuse('nothingToDo', 'That timer belongs to a phase that is already over.');
      }
      return advance(s, ctx);

    case 'injectCard': {
      if (s.stage !== 'playing' || !s.world)
        return refuse('wrongStage', 'Cards can be played only during the rounds.');
      const card = ctx.cards.find((x) => x.id === c.cardId);
      if (!card) return refuse('unknownCard', `There is no card "${c.cardId}" in this server's deck.`);
      if (s.world.cards.some((x) => x.card.id === card.id)) {
        return refuse('nothingToDo', `"${card.title}" has already been played in this session.`);
      }
      s.world = revealCards(s.world, [card], s.round, true);
      return [{ type: 'cardRevealed', cardId: card.id, round: s.round, injected: true }, ...recheckOrders(s)];
    }

    case 'injectCustom': {
      if (s.stage !== 'playing' || !s.world)
        return refuse('wrongStage', 'Cards can be played only during the rounds.');
      const id = `custom-${s.world.cards.filter((x) => x.card.id.startsWith('custom-')).length + 1}`;
      s.world = revealCards(s.world, [customCard(c.card, id, currentYear(s))], s.round, true);
      return [{ type: 'cardRevealed', cardId: id, round: s.round, injected: true }, ...recheckOrders(s)];
    }

    case 'endSession':
      if (s.stage === 'ended') return refuse('wrongStage', 'The session has already ended.');
      s.stage = 'ended';
      s.phase = undefined;
      return [{ type: 'sessionEnded' }];

    case 'reclaimSeat': {
      // A student's tab proved it holds the member's key (checked by the room): the seat comes back, even after
      // the hold ran out, unless someone else now plays under that nickname.
      const member = s.members[c.memberId];
      if (!member)
        return refuse('unknownMember', 'That seat no longer exists: join again and ask the teacher.');
      if (member.status === 'connected')
        return refuse('nothingToDo', `${member.nickname} is already connected.`);
      const key = nicknameKey(member.nickname);
      if (
        Object.values(s.members).some(
          (m) => m.id !== member.id && m.status !== 'gone' && nicknameKey(m.nickname) === key,
        )
      ) {
        return refuse(
          'nicknameTaken',
          `Someone else now plays as "${member.nickname}". Ask the teacher to give you your seat back.`,
        );
      }
      member.status = 'connected';
      return [{ type: 'memberReturned', memberId: member.id }];
    }

    case 'sendMessage': {
      const me = self as Member;
      if (s.stage === 'ended') return refuse('wrongStage', 'The session has ended.');
      if (me.muted) return refuse('muted', 'The teacher has muted your messages for now.');
      const message = {
        id: s.chat.nextId++,
        from: me.id,
        nickname: me.nickname,
        seat: me.seat,
        text: c.text,
        round: s.round,
      };
      if (c.to === 'floor') {
        if (!isDelegation(me.seat))
          return refuse('notSeated', 'Only delegations speak on the CD floor; observers listen.');
        post(s.chat.floor, message);
      } else if (c.to === 'team') {
        if (!isDelegation(me.seat)) return refuse('notSeated', 'Sit at a delegation to talk with its team.');
        post(s.chat.team[me.seat], message);
      } else {
        if (!isDelegation(me.seat))
          return refuse('notSeated', 'Sit at a delegation to talk with another one.');
        if (c.to === me.seat) return refuse('nothingToDo', 'That is your own delegation: use the team chat.');
        const channel = s.chat.channels[pairOf(me.seat, c.to)];
        if (channel.status !== 'open') {
          return refuse(
            'channelClosed',
            `There is no open channel with ${DELEGATION_NAMES[c.to]}: ask for one, and wait for them to accept.`,
          );
        }
        post(channel.messages, message);
      }
      return [{ type: 'messagePosted', to: c.to, messageId: message.id }];
    }

    case 'requestChannel':
    case 'acceptChannel':
    case 'closeChannel': {
      const me = self as Member;
      if (s.stage === 'ended') return refuse('wrongStage', 'The session has ended.');
      if (!isDelegation(me.seat))
        return refuse('notSeated', 'Sit at a delegation to open talks with another.');
      if (c.with === me.seat) return refuse('nothingToDo', 'Choose another delegation, not your own.');
      const pair = pairOf(me.seat, c.with);
      const channel = s.chat.channels[pair];
      const them = DELEGATION_NAMES[c.with];
      if (c.type === 'requestChannel') {
        if (channel.status === 'open')
          return refuse('nothingToDo', `The channel with ${them} is already open.`);
        if (channel.status === 'requested' && channel.requestedBy === me.seat) {
          return refuse('nothingToDo', `You have asked ${them} already; they have to accept.`);
        }
        if (channel.status === 'requested') channel.status = 'open';
        else {
          channel.status = 'requested';
          channel.requestedBy = me.seat;
        }
      } else if (c.type === 'acceptChannel') {
        if (channel.status !== 'requested' || channel.requestedBy !== c.with) {
          return refuse('nothingToDo', `${them} has not asked for a channel with you.`);
        }
        channel.status = 'open';
      } else {
        if (channel.status === 'closed')
          return refuse('nothingToDo', `There is no channel with ${them} to close.`);
        channel.status = 'closed';
        channel.requestedBy = undefined;
      }
      return [{ type: 'channelChanged', pair, status: channel.status }];
    }

    case 'announce': {
      const message = {
        id: s.chat.nextId++,
        from: 'teacher',
        nickname: 'Teacher',
        seat: 'teacher',
        text: c.text,
        round: s.round,
      };
      post(s.chat.floor, message);
      return [{ type: 'messagePosted', to: 'floor', messageId: message.id }];
    }

    case 'muteMember': {
      const member = s.members[c.memberId];
      if (!member) return refuse('unknownMember', 'That student is no longer in the session.');
      if (Boolean(member.muted) === c.muted) {
        return refuse(
          'nothingToDo',
          c.muted ? `${member.nickname} is already muted.` : `${member.nickname} is not muted.`,
        );
      }
      if (c.muted) member.muted = true;
      else delete member.muted;
      return [{ type: 'memberMuted', memberId: member.id, muted: c.muted }];
    }

    case 'setRole': {
      const member = s.members[c.memberId];
      if (!member || member.status === 'gone')
        return refuse('unknownMember', 'That student is no longer in the session.');
      if (!isDelegation(member.seat))
        return refuse('notSeated', `${member.nickname} does not sit at a delegation.`);
      const unchanged =
        c.role === 'head'
          ? s.teams[member.seat].headId === member.id && !member.role
          : c.role === 'none'
            ? !member.role
            : member.role === c.role;
      if (unchanged) {
        return refuse(
          'nothingToDo',
          c.role === 'head'
            ? `${member.nickname} already heads the delegation.`
            : c.role === 'none'
              ? `${member.nickname} holds no role the teacher gave.`
              : `${member.nickname} is already the ${ROLE_NAMES[c.role].split(' (')[0]?.toLowerCase()}.`,
        );
      }
      if (c.role === 'head') {
        s.teams[member.seat].headId = member.id;
        delete member.role;
      } else if (c.role === 'none') delete member.role;
      else {
        // One member per role in a team: whoever held it gives it up.
        for (const other of Object.values(s.members))
          if (other.seat === member.seat && other.role === c.role) delete other.role;
        member.role = c.role;
      }
      return [{ type: 'roleSet', memberId: member.id, role: c.role }];
    }

    case 'addBookmark':
      if (s.stage === 'lobby')
        return refuse('wrongStage', 'Bookmarks mark moments of play: start the session first.');
      return [{ type: 'bookmarkAdded', note: c.note, round: s.round, phase: s.phase ?? s.stage }];

    case 'memberDropped':
    case 'memberReturned':
    case 'memberGone': {
      const member = s.members[c.memberId];
      if (!member) return refuse('unknownMember', 'That student is no longer in the session.');
      const status = c.type === 'memberDropped' ? 'away' : c.type === 'memberReturned' ? 'connected' : 'gone';
      if (member.status === status) return refuse('nothingToDo', `${member.nickname} is already ${status}.`);
      // Gone is final: the nickname may already belong to a newcomer, who can be handed the seat with restoreSeat.
      if (member.status === 'gone')
        return refuse('unknownMember', `${member.nickname} has left the session; they can join again.`);
      member.status = status;
      const type = c.type === 'memberDropped' ? 'memberAway' : c.type;
      return [{ type, memberId: member.id }];
    }
  }
}

/** Refuses a move into a delegation that is at its limit; observers are never full. */
function checkRoom(s: SessionModel, seat: Seat): Outcome | undefined {
  if (!isDelegation(seat)) return undefined;
  if (seatCount(s, seat) >= s.settings.maxPerDelegation) {
    return refuse(
      'delegationFull',
      `The ${DELEGATION_NAMES[seat]} delegation is full (${s.settings.maxPerDelegation}). Pick another, or watch as an observer.`,
    );
  }
  return undefined;
}

function deskOf(s: SessionModel, member: Member) {
  return isDelegation(member.seat) ? s.teams[member.seat] : undefined;
}

function nowText(s: SessionModel): string {
  if (s.stage === 'lobby') return 'the session has not started yet';
  if (s.stage === 'ended') return 'the session has ended';
  return `now it is the ${PHASE_NAMES[s.phase ?? 'briefing'].toLowerCase()} phase`;
}

/** The first student to sit at a delegation with no head becomes its head. */
function claimHead(s: SessionModel, member: Member) {
  if (!isDelegation(member.seat)) return;
  const desk = s.teams[member.seat];
  const current = desk.headId ? s.members[desk.headId] : undefined;
  if (!current || current.seat !== member.seat) desk.headId = member.id;
}

function scenarioOf(s: SessionModel, ctx: RulesContext): ScenarioSummary | undefined {
  return ctx.scenarios.find((x) => x.id === s.settings.scenarioId);
}

/**
 * Begins a round: its scripted cards, and the number it draws from the pool with the seed, are revealed and
 * applied before anyone acts (the briefing).
 */
function beginRound(s: SessionModel, round: number, ctx: RulesContext): SessionEvent[] {
  s.round = round;
  s.phase = 'briefing';
  s.timerPaused = false;
  for (const d of Object.keys(s.teams) as Delegation[]) {
    s.teams[d] = { ...emptyDesk(), draft: s.teams[d].draft, headId: s.teams[d].headId };
  }
  const events: SessionEvent[] = [];
  const plan = scenarioOf(s, ctx)?.rounds[round - 1];
  if (s.world && plan) {
    // A card the teacher already played (an inject ahead of its round) is not revealed, nor applied, twice.
    const played = new Set(s.world.cards.map((c) => c.card.id));
    const scripted = plan.cards
      .map((id) => ctx.cards.find((c) => c.id === id))
      .filter((c): c is Card => c !== undefined && !played.has(c.id));
    // A draw never brings an event from the future: only pool cards dated up to this round's year.
    const pool = (scenarioOf(s, ctx)?.pool ?? [])
      .map((id) => ctx.cards.find((c) => c.id === id))
      .filter((c): c is Card => c !== undefined && cardYear(c) <= plan.year);
    const [drawn, world] = drawCards(
      s.world,
      pool.filter((c) => !scripted.includes(c)),
      plan.draw,
    );
    s.world = revealCards(world, [...scripted, ...drawn], round);
    for (const c of [...scripted, ...drawn])
      events.push({ type: 'cardRevealed', cardId: c.id, round, injected: false });
  }
  return [...events, { type: 'phaseBegan', round, phase: 'briefing', year: currentYear(s) }];
}

/**
 * A card can change budgets and capabilities in the middle of a round: orders it made impossible lose their
 * confirmation, so the head confirms again what the team can still do.
 */
function recheckOrders(s: SessionModel): SessionEvent[] {
  const events: SessionEvent[] = [];
  if (!s.world) return events;
  for (const d of Object.keys(s.teams) as Delegation[]) {
    const desk = s.teams[d];
    if (desk.submitted && ordersProblem(s.world, d, desk.orders)) {
      desk.submitted = false;
      events.push({ type: 'ordersWithdrawn', seat: d, memberId: '' });
    }
  }
  return events;
}

/** Resolves the round with the orders each head confirmed; a delegation that did not confirm does nothing. */
function resolve(s: SessionModel): SessionEvent[] {
  if (!s.world) return [];
  const confirmed: Partial<Record<Delegation, Order[]>> = {};
  for (const d of Object.keys(s.teams) as Delegation[]) {
    // Only confirmed orders that are still possible are played (a card may have changed the world since).
    if (s.teams[d].submitted && !ordersProblem(s.world, d, s.teams[d].orders))
      confirmed[d] = s.teams[d].orders;
  }
  s.world = resolveRound(s.world, confirmed, s.settings.years[s.round]);
  return [{ type: 'roundResolved', round: s.round }];
}

/** Moves to the next phase; after a round's debrief, to the next round; after the last round, to the end. */
function advance(s: SessionModel, ctx: RulesContext): SessionEvent[] {
  const i = ROUND_PHASES.indexOf(s.phase ?? 'briefing');
  const nextPhase = ROUND_PHASES[i + 1];
  if (nextPhase) {
    s.phase = nextPhase;
    s.timerPaused = false;
    const resolved = nextPhase === 'resolution' ? resolve(s) : [];
    return [...resolved, { type: 'phaseBegan', round: s.round, phase: nextPhase, year: currentYear(s) }];
  }
  if (s.round < s.settings.years.length) return beginRound(s, s.round + 1, ctx);
  s.stage = 'ended';
  s.phase = undefined;
  return [{ type: 'sessionEnded' }];
}
