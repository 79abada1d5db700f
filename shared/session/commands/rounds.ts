/** The round structure: starting, moving through the phases (by the teacher or the timer), timers, the end. */
import type { Card } from '../../content/card.ts';
import type { ScenarioSummary } from '../../content/scenario.ts';
import { ROUND_PHASES } from '../../model/phases.ts';
import { type Delegation, isDelegation } from '../../model/seats.ts';
import { drawCards, poolFor, revealCards } from '../../rules/cards.ts';
import { type Order, ordersProblem } from '../../rules/orders.ts';
import { newWorld, resolveRound } from '../../rules/resolve.ts';
import type { SessionEvent } from '../commands.ts';
import { currentYear, emptyDesk, type SessionModel } from '../model.ts';
import { refusal } from '../refusal.ts';
import type { Handlers, RulesContext, Step } from './handler.ts';

export const roundCommands: Handlers<
  | 'startSession'
  | 'advancePhase'
  | 'phaseTimeUp'
  | 'endSession'
  | 'pauseTimer'
  | 'resumeTimer'
  | 'extendTimer'
  | 'addBookmark'
> = {
  startSession: {
    sender: 'teacher',
    handle(s, _c, ctx) {
      if (s.stage !== 'lobby') return refusal('wrongStage', 'The session has already started.');
      // A delegation the server plays counts: a teacher alone can preview the game against bots.
      const seated =
        Object.values(s.members).some((m) => isDelegation(m.seat)) || Object.keys(s.bots ?? {}).length > 0;
      if (!seated) {
        return refusal(
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
    },
  },

  advancePhase: {
    sender: 'teacher',
    ifStale: 'press Next again if you still want to move on',
    handle(s, _c, ctx) {
      if (s.stage !== 'playing')
        return refusal(
          'wrongStage',
          s.stage === 'lobby' ? 'Start the session first.' : 'The session has ended.',
        );
      return advance(s, ctx);
    },
  },

  phaseTimeUp: {
    sender: 'system',
    handle(s, c, ctx) {
      if (s.timerPaused)
        return refusal('nothingToDo', 'The timer is paused: the phase waits for the teacher.');
      if (s.stage !== 'playing' || s.round !== c.round || s.phase !== c.phase) {
        return refusal('nothingToDo', 'That timer belongs to a phase that is already over.');
      }
      return advance(s, ctx);
    },
  },

  endSession: {
    sender: 'teacher',
    ifStale: 'press End session again if you still want to end it',
    handle(s) {
      if (s.stage === 'ended') return refusal('wrongStage', 'The session has already ended.');
      s.stage = 'ended';
      s.phase = undefined;
      return [{ type: 'sessionEnded' }];
    },
  },

  pauseTimer: { sender: 'teacher', handle: (s) => pauseTimer(s, true) },
  resumeTimer: { sender: 'teacher', handle: (s) => pauseTimer(s, false) },

  extendTimer: {
    sender: 'teacher',
    ifStale: 'add the time again if this phase needs it too',
    handle(s, c) {
      if (s.stage !== 'playing') return refusal('wrongStage', 'Timers run only during the rounds.');
      if (!s.settings.timersOn) return refusal('nothingToDo', 'Phase timers are off for this session.');
      return [{ type: 'timerExtended', minutes: c.minutes }];
    },
  },

  addBookmark: {
    sender: 'teacher',
    handle(s, c) {
      if (s.stage === 'lobby')
        return refusal('wrongStage', 'Bookmarks mark moments of play: start the session first.');
      return [{ type: 'bookmarkAdded', note: c.note, round: s.round, phase: s.phase ?? s.stage }];
    },
  },
};

function pauseTimer(s: SessionModel, pause: boolean): Step {
  if (s.stage !== 'playing') return refusal('wrongStage', 'Timers run only during the rounds.');
  if (!s.settings.timersOn) return refusal('nothingToDo', 'Phase timers are off for this session.');
  if (s.timerPaused === pause)
    return refusal('nothingToDo', pause ? 'The timer is already paused.' : 'The timer is already running.');
  s.timerPaused = pause;
  return [{ type: pause ? 'timerPaused' : 'timerResumed' }];
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
    const { draft, headId, draftVersion, assessments } = s.teams[d];
    s.teams[d] = {
      ...emptyDesk(),
      draft,
      headId,
      ...(draftVersion !== undefined ? { draftVersion } : {}),
      ...(assessments !== undefined ? { assessments } : {}), // the team's readings outlive the round
    };
  }
  const events: SessionEvent[] = [];
  const plan = scenarioOf(s, ctx)?.rounds[round - 1];
  if (s.world && plan) {
    // A card the teacher already played (an inject ahead of its round) is not revealed, nor applied, twice.
    const played = new Set(s.world.cards.map((c) => c.card.id));
    const scripted = plan.cards
      .map((id) => ctx.cards.find((c) => c.id === id))
      .filter((c): c is Card => c !== undefined && !played.has(c.id));
    // A draw never brings an event from the future, nor one long past: see poolFor.
    const pool = poolFor(
      (scenarioOf(s, ctx)?.pool ?? [])
        .map((id) => ctx.cards.find((c) => c.id === id))
        .filter((c): c is Card => c !== undefined),
      plan.year,
    );
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
