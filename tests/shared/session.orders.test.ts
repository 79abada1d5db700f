/**
 * The session commands that play the engine: drafting orders, the head of delegation who confirms them, the
 * teacher's timer controls, and the resolution that reads only confirmed orders.
 */
import { describe, expect, it } from 'vitest';
import type { RoundPhase } from '../../shared/model/phases.ts';
import type { Order } from '../../shared/rules/orders.ts';
import { newWorld } from '../../shared/rules/resolve.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import { headOf, type SessionModel } from '../../shared/session/model.ts';
import { accept, ctx, deepFreeze, member, refuse, system, teacher, testSession } from './testSession.ts';

/** m1 Ana (head) and m2 Al at the US desk, m3 Dee at the Chinese desk, m4 Bo unseated, m5 Cy observing. */
const CLASS = ['Ana@us', 'Al@us', 'Dee@china', 'Bo', 'Cy@observer'];
const at = (phase: RoundPhase | 'lobby' | 'ended', options: { members?: string[]; round?: number } = {}) =>
  testSession({ members: options.members ?? CLASS, at: phase, round: options.round ?? 1 });

const ana = member('m1');
const al = member('m2');
const dee = member('m3');
const bo = member('m4');
const cy = member('m5');

const SSA: Order = { kind: 'buildSsa' };
const WARNING: Order = { kind: 'buildMissileWarning' };
const set = (...orders: Order[]): SessionCommand => ({ type: 'setOrders', orders });
const submit: SessionCommand = { type: 'submitOrders' };
const advance: SessionCommand = { type: 'advancePhase' };
/** One point more than China's first budget. */
const NINE_POINTS: Order[] = [
  { kind: 'lunarMission' },
  SSA,
  WARNING,
  { kind: 'tableDraft', draft: 'tcbm' },
  { kind: 'workingPaper', topic: 'definitions' },
];

type Row = [string, () => SessionModel, Actor, SessionCommand, string];

/** Runs a legality table: each row is accepted, or refused with the given code and a sentence. */
function legality(rows: Row[]) {
  it.each(rows)('%s', (_why, given, actor, command, expected) => {
    const outcome = applyCommand(deepFreeze(given()), actor, command, ctx);
    expect(outcome.ok ? 'accepted' : outcome.refusal.code).toBe(expected);
    if (!outcome.ok) expect(outcome.refusal.message).toMatch(/^[A-Z"].*[.!?]$/);
  });
}

describe('startSession creates the world', () => {
  it('from the session seed and the scenario years, with no world in the lobby', () => {
    const lobby = at('lobby');
    expect(lobby.world).toBeUndefined();
    const { state } = accept(lobby, teacher, { type: 'startSession' });
    expect(state.world).toEqual(newWorld(state.seed, state.settings.years));
    expect([state.world?.round, state.world?.year]).toEqual([0, 2030]);
  });
});

describe('setOrders', () => {
  legality([
    ['the head, in the negotiation phase', () => at('negotiation'), ana, set(SSA), 'accepted'],
    ['any member, in the orders phase', () => at('orders'), al, set(SSA, WARNING), 'accepted'],
    ['an empty list', () => at('orders'), al, set(), 'accepted'],
    ['in the briefing', () => at('briefing'), ana, set(SSA), 'wrongPhase'],
    ['in the resolution phase', () => at('resolution'), ana, set(SSA), 'wrongPhase'],
    ['in the debrief', () => at('debrief'), ana, set(SSA), 'wrongPhase'],
    ['in the lobby', () => at('lobby'), ana, set(SSA), 'wrongPhase'],
    ['after the end', () => at('ended'), ana, set(SSA), 'wrongPhase'],
    ['unseated', () => at('orders'), bo, set(SSA), 'notSeated'],
    ['observing', () => at('orders'), cy, set(SSA), 'notSeated'],
    ['from the teacher', () => at('orders'), teacher, set(SSA), 'notAllowed'],
    ['over budget', () => at('orders'), dee, set(...NINE_POINTS), 'invalidOrders'],
    ['a repeated order', () => at('orders'), ana, set(SSA, SSA), 'invalidOrders'],
    [
      'endorsing a measure nobody proposed',
      () => at('orders'),
      ana,
      set({ kind: 'endorseTcbm', measure: 'hotline' }),
      'invalidOrders',
    ],
  ]);

  it('refuses with the rules’ own sentence', () => {
    expect(refuse(at('orders'), dee, set(...NINE_POINTS))).toEqual({
      code: 'invalidOrders',
      message: 'These orders cost 9 points; your budget this round is 8.',
    });
  });

  it('stores the list on the delegation’s desk only, and says how many orders there are', () => {
    const { state, events } = accept(at('negotiation'), al, set(SSA, WARNING));
    expect(state.teams.us.orders).toEqual([SSA, WARNING]);
    expect(state.teams.china.orders).toEqual([]);
    expect(state.teams.us.submitted).toBe(false);
    expect(events).toEqual([{ type: 'ordersSet', seat: 'us', memberId: 'm2', count: 2 }]);
  });

  it('replaces the whole list', () => {
    const first = accept(at('orders'), ana, set(SSA, WARNING)).state;
    expect(accept(first, al, set(WARNING)).state.teams.us.orders).toEqual([WARNING]);
  });

  it('withdraws a confirmation, so the head confirms what the team last wrote', () => {
    let state = accept(at('orders'), ana, set(SSA)).state;
    state = accept(state, ana, submit).state;
    const { state: after, events } = accept(state, al, set(WARNING));
    expect(after.teams.us).toMatchObject({ orders: [WARNING], submitted: false });
    expect(events.map((e) => e.type)).toEqual(['ordersSet', 'ordersWithdrawn']);
    // Who changed them and who had confirmed stay on the desk until the head confirms again.
    expect(after.teams.us.withdrawn).toEqual({ by: 'm2', confirmedBy: 'm1' });
    const again = accept(after, ana, submit).state;
    expect(again.teams.us.submitted).toBe(true);
    expect(again.teams.us.withdrawn).toBeUndefined();
  });

  it('checks against the world as it stands: a budget is the one of this round', () => {
    // Round 2: the US spent 4 of its 10 in round 1, so it has 10 + 3 = 13.
    let state = accept(at('orders'), ana, set(SSA, WARNING)).state;
    state = accept(state, ana, submit).state;
    while (state.phase !== 'orders' || state.round !== 2) state = accept(state, teacher, advance).state;
    expect(state.world?.delegations.us.budget).toBe(13);
    const thirteen: Order[] = [
      { kind: 'lunarMission' },
      { kind: 'tableDraft', draft: 'tcbm' },
      { kind: 'techDeal', with: 'russia', deal: 'propellant' },
      { kind: 'launchSatellites', regime: 'geo', count: 2 },
      { kind: 'launchSatellites', regime: 'leo', count: 3 },
    ];
    expect(accept(state, ana, set(...thirteen)).state.teams.us.orders).toEqual(thirteen);
    expect(refuse(state, ana, set(...thirteen, { kind: 'jam', target: 'china' })).message).toBe(
      'These orders cost 14 points; your budget this round is 13.',
    );
    // Sensors are now at level 5: the sheet says so.
    expect(refuse(state, ana, set(SSA)).message).toBe(
      'Order 1 (build space situational awareness): Situational awareness is at its highest level.',
    );
  });
});

describe('submitOrders: only the head of delegation confirms', () => {
  legality([
    ['the head', () => at('orders'), ana, submit, 'accepted'],
    ['a member who is not head', () => at('orders'), al, submit, 'notHead'],
    ['the only member, head of a team of one', () => at('orders'), dee, submit, 'accepted'],
    [
      'the first connected member, when the head is away (acting head)',
      () => at('orders', { members: ['Ana@us!away', 'Al@us', 'Eve@us'] }),
      al,
      submit,
      'accepted',
    ],
    [
      'a later member, when the head is away',
      () => at('orders', { members: ['Ana@us!away', 'Al@us', 'Eve@us'] }),
      member('m3'),
      submit,
      'notHead',
    ],
    [
      'the first connected member, when the head has gone',
      () => at('orders', { members: ['Ana@us!gone', 'Al@us'] }),
      al,
      submit,
      'accepted',
    ],
    ['a head in the negotiation phase', () => at('negotiation'), ana, submit, 'wrongPhase'],
  ]);

  it('names the head in the refusal', () => {
    expect(refuse(at('orders'), al, submit)).toEqual({
      code: 'notHead',
      message: 'Only the head of delegation (Ana) confirms the orders.',
    });
  });

  it('an away head who comes back is head again', () => {
    let state = at('orders', { members: ['Ana@us!away', 'Al@us'] });
    expect(headOf(state, 'us')?.nickname).toBe('Al');
    state = accept(state, system, { type: 'memberReturned', memberId: 'm1' }).state;
    expect(headOf(state, 'us')?.nickname).toBe('Ana');
    expect(refuse(state, al, submit).code).toBe('notHead');
  });

  it('an away head’s own late message is refused while someone else acts', () => {
    const state = at('orders', { members: ['Ana@us!away', 'Al@us'] });
    expect(refuse(state, ana, submit)).toEqual({
      code: 'notHead',
      message: 'Only the head of delegation (Al) confirms the orders.',
    });
  });
});

describe('setHead', () => {
  const make = (memberId: string): SessionCommand => ({ type: 'setHead', memberId });
  legality([
    ['a member of the delegation', () => at('negotiation'), teacher, make('m2'), 'accepted'],
    ['in the lobby', () => at('lobby'), teacher, make('m2'), 'accepted'],
    ['the head already', () => at('orders'), teacher, make('m1'), 'nothingToDo'],
    ['an unseated student', () => at('orders'), teacher, make('m4'), 'notSeated'],
    ['an observer', () => at('orders'), teacher, make('m5'), 'notSeated'],
    ['an unknown student', () => at('orders'), teacher, make('m99'), 'unknownMember'],
    [
      'a student who has gone',
      () => at('orders', { members: ['Ana@us', 'Al@us!gone'] }),
      teacher,
      make('m2'),
      'unknownMember',
    ],
    ['from a student', () => at('orders'), ana, make('m2'), 'notAllowed'],
    [
      'the acting head, to make it stick',
      () => at('orders', { members: ['Ana@us!away', 'Al@us'] }),
      teacher,
      make('m2'),
      'accepted',
    ],
  ]);

  it('hands the confirmation to the new head', () => {
    const { state, events } = accept(at('orders'), teacher, make('m2'));
    expect(state.teams.us.headId).toBe('m2');
    expect(events).toEqual([{ type: 'headChosen', seat: 'us', memberId: 'm2' }]);
    expect(refuse(state, ana, submit).code).toBe('notHead');
    expect(accept(state, al, submit).state.teams.us.submitted).toBe(true);
  });

  it('the first to sit is head; the head stays into the next round', () => {
    let state = at('debrief');
    expect([state.teams.us.headId, state.teams.china.headId, state.teams.russia.headId]).toEqual([
      'm1',
      'm3',
      undefined,
    ]);
    state = accept(state, teacher, make('m2')).state;
    state = accept(state, teacher, advance).state;
    expect([state.round, state.teams.us.headId]).toEqual([2, 'm2']);
  });
});

describe('timers', () => {
  const pause: SessionCommand = { type: 'pauseTimer' };
  const resume: SessionCommand = { type: 'resumeTimer' };
  const extend: SessionCommand = { type: 'extendTimer', minutes: 2 };
  const paused = () => accept(at('negotiation'), teacher, pause).state;
  const timersOff = () => testSession({ members: CLASS, settings: { timersOn: false }, at: 'negotiation' });
  legality([
    ['pause while playing', () => at('negotiation'), teacher, pause, 'accepted'],
    ['pause twice', paused, teacher, pause, 'nothingToDo'],
    ['resume a paused timer', paused, teacher, resume, 'accepted'],
    ['resume a running timer', () => at('negotiation'), teacher, resume, 'nothingToDo'],
    ['extend while playing', () => at('orders'), teacher, extend, 'accepted'],
    ['extend a paused timer', paused, teacher, extend, 'accepted'],
    ['pause in the lobby', () => at('lobby'), teacher, pause, 'wrongStage'],
    ['extend after the end', () => at('ended'), teacher, extend, 'wrongStage'],
    ['pause with timers off', timersOff, teacher, pause, 'nothingToDo'],
    ['extend with timers off', timersOff, teacher, extend, 'nothingToDo'],
    ['pause from a student', () => at('negotiation'), ana, pause, 'notAllowed'],
    ['extend from the room', () => at('negotiation'), system, extend, 'notAllowed'],
  ]);

  it('pause and resume set the flag and say so; extending says by how much and changes no state', () => {
    const p = accept(at('negotiation'), teacher, pause);
    expect([p.state.timerPaused, p.events]).toEqual([true, [{ type: 'timerPaused' }]]);
    const r = accept(p.state, teacher, resume);
    expect([r.state.timerPaused, r.events]).toEqual([false, [{ type: 'timerResumed' }]]);
    const e = accept(p.state, teacher, extend);
    expect(e.events).toEqual([{ type: 'timerExtended', minutes: 2 }]);
    expect({ ...e.state, version: 0 }).toEqual({ ...p.state, version: 0 });
  });

  it('a new phase starts with the timer running', () => {
    const { state } = accept(paused(), teacher, advance);
    expect([state.phase, state.timerPaused]).toEqual(['orders', false]);
  });
});

describe('resolution at the end of the orders phase', () => {
  /** US: head confirms SSA and missile warning. China: orders set but never confirmed. Russia: nobody seated. */
  function played() {
    let state = at('orders');
    state = accept(state, al, set(SSA, WARNING)).state;
    state = accept(state, ana, submit).state;
    state = accept(state, dee, set(WARNING)).state;
    return state;
  }

  it('resolves only confirmed orders, once, and tells the class', () => {
    const given = deepFreeze(played());
    const before = given.world;
    const { state, events } = accept(given, teacher, advance);
    expect(events).toEqual([
      { type: 'roundResolved', round: 1 },
      { type: 'phaseBegan', round: 1, phase: 'resolution', year: 2030 },
    ]);
    const w = state.world;
    expect([w?.round, w?.year]).toEqual([1, 2031]);
    expect(w?.delegations.us.capabilities).toMatchObject({ ssa: 5, missileWarning: 5 });
    expect(w?.delegations.china.capabilities.missileWarning).toBe(
      before?.delegations.china.capabilities.missileWarning,
    );
    expect(w?.story.filter((s) => /gave no orders/.test(s.text)).map((s) => s.text)).toEqual([
      'China gave no orders this round.',
      'Russia gave no orders this round.',
    ]);
    const debrief = accept(state, teacher, advance).state;
    expect(debrief.world).toBe(state.world);
  });

  it('resolves the same whether the phase ends by the teacher or by its timer', () => {
    const given = played();
    expect(accept(given, system, { type: 'phaseTimeUp', round: 1, phase: 'orders' })).toEqual(
      accept(given, teacher, advance),
    );
  });

  it('a team that never confirmed keeps its budget, halved, for next round', () => {
    const { state } = accept(played(), teacher, advance);
    expect(state.world?.delegations.china.budget).toBe(8 + 4);
    expect(state.world?.delegations.us.budget).toBe(10 + 3);
  });

  it('clears orders and confirmations for the next round', () => {
    let state = accept(played(), teacher, advance).state;
    state = accept(accept(state, teacher, advance).state, teacher, advance).state;
    expect([state.round, state.phase]).toEqual([2, 'briefing']);
    for (const d of ['us', 'china', 'russia'] as const)
      expect(state.teams[d]).toMatchObject({ orders: [], submitted: false });
  });

  it('ending the session early resolves nothing', () => {
    const { state, events } = accept(played(), teacher, { type: 'endSession' });
    expect(events).toEqual([{ type: 'sessionEnded' }]);
    expect(state.world?.round).toBe(0);
  });
});

describe('team notes edited by two teammates at once', () => {
  const edit = (text: string, base?: number): SessionCommand => ({
    type: 'editDraft',
    text,
    ...(base !== undefined ? { base } : {}),
  });

  it('refuses an edit made on notes that changed since, and keeps the teammate’s text', () => {
    const start = at('negotiation');
    const first = accept(start, ana, edit('Ask Russia about RD-180', 0)).state;
    expect(first.teams.us).toMatchObject({ draft: 'Ask Russia about RD-180', draftVersion: 1 });
    // Al started from version 0 too: his whole text would have erased Ana's.
    expect(refuse(first, al, edit('Table a PPWT revision', 0))).toEqual({
      code: 'conflict',
      message: 'A teammate changed the notes while you were typing. Choose between their text and yours.',
    });
    // Keeping his text is a new edit on the version he now has seen.
    const kept = accept(first, al, edit('Table a PPWT revision', 1)).state;
    expect(kept.teams.us).toMatchObject({ draft: 'Table a PPWT revision', draftVersion: 2 });
  });

  it('folds old logs as before: an edit without a base always applies and adds no version', () => {
    const start = at('negotiation');
    const old = accept(accept(start, ana, edit('one')).state, al, edit('two')).state;
    expect(old.teams.us.draft).toBe('two');
    expect(old.teams.us.draftVersion).toBeUndefined();
  });

  it('keeps the version with the notes into the next round', () => {
    let state = accept(at('orders'), ana, edit('Keep this', 0)).state;
    while (state.round !== 2) state = accept(state, teacher, advance).state;
    expect(state.teams.us).toMatchObject({ draft: 'Keep this', draftVersion: 1 });
  });
});
