/**
 * A three-team game of the one-period scenario through real SDK clients: a teacher, a projector, two students
 * at each delegation, an observer and a student not seated yet. Heads of delegation, orders and their checks,
 * what each client may see of the world (decoded and in raw bytes), resolution round after round, the reveal
 * at the end, and the teacher's timer controls.
 *
 * The tests run in order and share one session: each picks up the game where the previous one left it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '../../server/content.ts';
import type { Card } from '../../shared/content/card.ts';
import type { Delegation } from '../../shared/model/seats.ts';
import type { Refusal } from '../../shared/session/refusal.ts';
import type { Order } from '../../shared/rules/orders.ts';
import type { WorldView } from '../../shared/rules/views.ts';
import {
  eventually,
  framesContain,
  type Harness,
  idOf,
  pace,
  type Player,
  refusalOf,
  serverState,
  type Session,
  startHarness,
  withTimeout,
  seenBy,
} from './harness.ts';

const DELEGATIONS: readonly Delegation[] = ['us', 'china', 'russia'];

/** The shipped content the server runs on: the one-period scenario's scripted cards move the world. */
const content = readContent('content');
const scenario = content.scenarios.find((x) => x.id === 'one-period');
const scriptedCards = (round: number): Card[] =>
  (scenario?.rounds[round - 1]?.cards ?? []).map((id) => {
    const card = content.cards.find((x) => x.id === id);
    if (!card) throw new Error(`no card ${id}`);
    return card;
  });
/** What round `round`'s scripted cards add to delegation `d`'s budget. */
const cardBudget = (round: number, d: Delegation) =>
  scriptedCards(round)
    .flatMap((x) => x.effects)
    .reduce((sum, e) => sum + (e.kind === 'budget' && e.delegation === d ? e.delta : 0), 0);

let h: Harness;
let session: Session;
/** Everyone in the class. Olga is replaced by her new connection when she comes back from a drop. */
const c = {} as {
  teacher: Player;
  projector: Player;
  sam: Player; // US, seated first: head
  ada: Player; // US
  chen: Player; // China, head
  li: Player; // China
  olga: Player; // Russia, head
  ivan: Player; // Russia
  obi: Player; // observer
  una: Player; // not seated
};
const team = (d: Delegation): Player[] =>
  d === 'us' ? [c.sam, c.ada] : d === 'china' ? [c.chen, c.li] : [c.olga, c.ivan];
const students = () => [c.sam, c.ada, c.chen, c.li, c.olga, c.ivan, c.obi, c.una];
const everyone = () => [c.teacher, c.projector, ...students()];
/** Every client that must not see delegation `d`'s desk: the other teams, the gallery, the projector. */
const outsidersOf = (d: Delegation) => [c.projector, ...students().filter((p) => !team(d).includes(p))];
const who = (p: Player) => `${p.welcome.role} ${p.welcome.memberId ?? ''}`;

// Distinctive texts: any byte of them reaching a client is a leak (or, for the team itself, a positive control).
const US_STATEMENT = `We will not be the first to test a weapon in orbit (us-${randomUUID()})`;
const RU_STATEMENT = `Moscow quietly offers Beijing a deal on engines (ru-${randomUUID()})`;

const parse = <T>(json: string | undefined): T | undefined => (json ? (JSON.parse(json) as T) : undefined);
/** The world as the class sees it on this client (public view; every secret after the end). */
const worldOf = (p: Player): WorldView => {
  const w = parse<WorldView>(p.room.state.world);
  if (!w) throw new Error(`${who(p)} has no world yet.`);
  return w;
};
const secretOf = (p: Player, d: Delegation) => parse<WorldView>(p.room.state.teams.get(d)?.secret);
const hostWorldOf = (p: Player) => parse<WorldView>(p.room.state.host?.world);
const ordersOf = (p: Player, d: Delegation) => parse<Order[]>(p.room.state.teams.get(d)?.orders);
const headAs = (p: Player, d: Delegation) => p.room.state.teams.get(d)?.headId;
/** The incident of round 2: the US jams China's satellites. */
const jam = (w: WorldView | undefined) =>
  w?.incidents.find((i) => i.round === 2 && i.victim === 'china' && i.kind === 'signalJammed');
const causes = (w: WorldView) => w.changes.map((x) => x.cause);
const storyOf = (w: WorldView, round: number) => w.story.filter((s) => s.round === round).map((s) => s.text);

async function ask(p: Player, type: string, payload: object = {}): Promise<{ version: number }> {
  await pace(p);
  return p.room.request(type, payload);
}
async function refused(p: Player, type: string, payload: object = {}): Promise<Refusal> {
  await pace(p);
  return refusalOf(p.room.request(type, payload));
}
/** Waits until every patch sent so far has reached these clients (a ping each: the server writes in order). */
async function settle(...players: Player[]) {
  for (const p of players) {
    await pace(p);
    await withTimeout(new Promise((resolve) => p.room.ping(resolve)), 3000, 'a ping reply');
  }
}
const advance = () => ask(c.teacher, 'advancePhase', seenBy(c.teacher));
/** The server's state and the sender's decoded copy, to show that a refusal changed nothing. */
async function snapshot(sender: Player) {
  await settle(sender); // the sender's copy is current: no patch for an earlier command can land in between
  return { server: serverState(session).toJSON(), sender: sender.room.state.toJSON() };
}

beforeAll(async () => {
  h = await startHarness();
  session = await h.createSession({ scenarioId: 'one-period' });
  c.teacher = await h.joinTeacher(session);
  c.projector = await h.joinProjector(session);
  for (const name of ['Sam', 'Ada', 'Chen', 'Li', 'Olga', 'Ivan', 'Obi', 'Una'] as const) {
    c[name.toLowerCase() as Exclude<keyof typeof c, 'teacher' | 'projector'>] = await h.joinStudent(
      session,
      name,
    );
  }
  // The first at each table sits first.
  await ask(c.sam, 'chooseSeat', { seat: 'us' });
  await ask(c.chen, 'chooseSeat', { seat: 'china' });
  await ask(c.olga, 'chooseSeat', { seat: 'russia' });
  await ask(c.ada, 'chooseSeat', { seat: 'us' });
  await ask(c.li, 'chooseSeat', { seat: 'china' });
  await ask(c.ivan, 'chooseSeat', { seat: 'russia' });
  await ask(c.obi, 'chooseSeat', { seat: 'observer' });
});
afterAll(async () => {
  await h.close();
});

describe('a three-team game of the one-period scenario', () => {
  it('in the lobby: the first student seated at each delegation heads it; no world, no orders, no timers', async () => {
    await eventually(() => {
      for (const p of everyone()) {
        expect(headAs(p, 'us'), who(p)).toBe(idOf(c.sam));
        expect(headAs(p, 'china'), who(p)).toBe(idOf(c.chen));
        expect(headAs(p, 'russia'), who(p)).toBe(idOf(c.olga));
      }
    });
    expect(c.projector.room.state.world).toBe('');

    const before = await snapshot(c.sam);
    expect(await refused(c.sam, 'setOrders', { orders: [] })).toEqual({
      code: 'wrongPhase',
      message: 'Orders are drafted in the negotiation and orders phases; the session has not started yet.',
    });
    for (const type of ['pauseTimer', 'resumeTimer']) {
      expect(await refused(c.teacher, type)).toEqual({
        code: 'wrongStage',
        message: 'Timers run only during the rounds.',
      });
    }
    expect(await refused(c.teacher, 'extendTimer', { minutes: 2, ...seenBy(c.teacher) })).toEqual({
      code: 'wrongStage',
      message: 'Timers run only during the rounds.',
    });
    expect(await snapshot(c.sam)).toEqual(before);
  });

  it("the start deals the world: public indicators to all, each delegation's secrets to its own, everything to the teacher", async () => {
    await ask(c.teacher, 'startSession');
    expect(c.teacher.room.state).toMatchObject({ stage: 'playing', round: 1, phase: 'briefing' });
    await eventually(() => {
      for (const p of everyone()) expect(p.room.state.world, who(p)).not.toBe('');
      for (const d of DELEGATIONS) for (const p of team(d)) expect(secretOf(p, d), who(p)).toBeDefined();
    });

    const board = worldOf(c.projector);
    // The round's scripted cards are revealed before anyone acts: only they are in the story so far, and the
    // only changes shown are theirs, each caused by its card, already during the briefing.
    expect(board).toMatchObject({ round: 0, year: scenario?.rounds[0]?.year, secrets: {} });
    expect(board.changes.length).toBeGreaterThan(0);
    for (const change of board.changes) {
      expect(change.round).toBe(1);
      expect(change.source.kind).toBe('card');
      expect(scriptedCards(1).map((x) => `Event: ${x.title}`)).toContain(change.cause);
    }
    expect(board.cards.map((x) => x.card.id)).toEqual(scriptedCards(1).map((x) => x.id));
    expect(storyOf(board, 1)).toEqual(scriptedCards(1).map((x) => `New card: ${x.title} (${x.date}).`));
    expect(board.story.filter((x) => x.round !== 1)).toEqual([]);
    expect(board.scores).toBeUndefined();
    for (const p of students()) expect(worldOf(p), who(p)).toEqual(board);

    const host = hostWorldOf(c.teacher);
    expect(Object.keys(host?.secrets ?? {}).sort()).toEqual(['china', 'russia', 'us']);
    expect(host?.scores).toBeDefined();
    const budgets = { us: 10, china: 8, russia: 7 }; // the 2015 record's incomes, moved by any card
    for (const d of DELEGATIONS) {
      const own = secretOf(c.teacher, d);
      expect(Object.keys(own?.secrets ?? {})).toEqual([d]);
      expect(own?.secrets[d]).toMatchObject({ budget: budgets[d] + cardBudget(1, d), earmarked: 0 });
      expect(own?.secrets[d]?.objectives).toHaveLength(2);
      expect(own?.secrets[d]?.objectives).toEqual(host?.secrets[d]?.objectives);
      for (const p of team(d)) {
        expect(secretOf(p, d), who(p)).toEqual(own);
        for (const other of DELEGATIONS.filter((o) => o !== d)) {
          expect(secretOf(p, other), `${who(p)} decoded the ${other} secrets`).toBeUndefined();
        }
      }
    }
    for (const p of [c.projector, c.obi, c.una]) {
      for (const d of DELEGATIONS) expect(secretOf(p, d), who(p)).toBeUndefined();
    }
    for (const p of [c.projector, ...students()]) expect(hostWorldOf(p), who(p)).toBeUndefined();

    // Nobody drafts orders during the briefing.
    const before = await snapshot(c.sam);
    expect(await refused(c.sam, 'setOrders', { orders: [] })).toEqual({
      code: 'wrongPhase',
      message: 'Orders are drafted in the negotiation and orders phases; now it is the briefing phase.',
    });
    expect(await snapshot(c.sam)).toEqual(before);
    await advance();
    expect(c.teacher.room.state.phase).toBe('negotiation');
  });

  it('the teacher pauses, extends and resumes the phase timer; students and the projector cannot', async () => {
    const s = c.teacher.room.state;
    const running = s.phaseEndsAt;
    expect(running - Date.now()).toBeGreaterThan(0);
    expect(running - Date.now()).toBeLessThanOrEqual(4 * 60_000); // one-period negotiation: 4 minutes
    expect(await refused(c.sam, 'pauseTimer')).toEqual({
      code: 'notAllowed',
      message: 'Only the teacher can do that.',
    });
    expect(await refused(c.projector, 'pauseTimer')).toEqual({
      code: 'notAllowed',
      message: 'The projector board only watches.',
    });
    expect(await refused(c.teacher, 'resumeTimer')).toEqual({
      code: 'nothingToDo',
      message: 'The timer is already running.',
    });

    await ask(c.teacher, 'pauseTimer');
    expect(s.timerPaused).toBe(true);
    expect(s.phaseEndsAt).toBe(0);
    const left = s.phaseRemainingMs;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(running - Date.now() + 1000);
    await eventually(() =>
      expect(c.projector.room.state).toMatchObject({
        timerPaused: true,
        phaseEndsAt: 0,
        phaseRemainingMs: left,
      }),
    );
    expect(await refused(c.teacher, 'pauseTimer')).toEqual({
      code: 'nothingToDo',
      message: 'The timer is already paused.',
    });

    // While paused, an extension adds to the time left, and the clock stays stopped.
    await ask(c.teacher, 'extendTimer', { minutes: 2, ...seenBy(c.teacher) });
    expect(s).toMatchObject({ timerPaused: true, phaseEndsAt: 0, phaseRemainingMs: left + 120_000 });

    const sentAt = Date.now();
    await ask(c.teacher, 'resumeTimer');
    const repliedAt = Date.now();
    expect(s.timerPaused).toBe(false);
    expect(s.phaseRemainingMs).toBe(0);
    expect(s.phaseEndsAt).toBeGreaterThanOrEqual(sentAt + left + 120_000);
    expect(s.phaseEndsAt).toBeLessThanOrEqual(repliedAt + left + 120_000);
    await eventually(() =>
      expect(c.sam.room.state).toMatchObject({ timerPaused: false, phaseEndsAt: s.phaseEndsAt }),
    );

    // While running, an extension moves the end.
    const endsAt = s.phaseEndsAt;
    await ask(c.teacher, 'extendTimer', { minutes: 1, ...seenBy(c.teacher) });
    expect(Math.abs(s.phaseEndsAt - (endsAt + 60_000))).toBeLessThanOrEqual(5);
    expect(s.timerPaused).toBe(false);
  });

  it('a valid list of orders is accepted with a version, and reaches the team and the teacher', async () => {
    const us: Order[] = [
      { kind: 'statement', stance: 'restraint', text: US_STATEMENT },
      { kind: 'proposeTcbm', measure: 'hotline' },
      { kind: 'launchSatellites', regime: 'leo', count: 1 },
    ];
    const version = serverState(session).version;
    expect(await ask(c.sam, 'setOrders', { orders: us })).toEqual({ version: version + 1 });
    expect(ordersOf(c.sam, 'us')).toEqual(us);
    await eventually(() => {
      expect(ordersOf(c.ada, 'us')).toEqual(us);
      expect(ordersOf(c.teacher, 'us')).toEqual(us);
    });
    expect(c.teacher.room.state.teams.get('us')?.submitted).toBe(false); // drafted, not confirmed

    const china: Order[] = [
      { kind: 'tableDraft', draft: 'verification' },
      { kind: 'launchSatellites', regime: 'leo', count: 1 },
    ];
    await ask(c.li, 'setOrders', { orders: china }); // any member drafts, not only the head
    const russia: Order[] = [
      { kind: 'statement', stance: 'noFirstPlacement', text: RU_STATEMENT },
      { kind: 'summit', with: 'china' },
    ];
    await ask(c.olga, 'setOrders', { orders: russia });
    await eventually(() => {
      expect(ordersOf(c.chen, 'china')).toEqual(china);
      expect(ordersOf(c.ivan, 'russia')).toEqual(russia);
      expect(ordersOf(c.teacher, 'china')).toEqual(china);
      expect(ordersOf(c.teacher, 'russia')).toEqual(russia);
    });
  });

  it('refuses orders the world does not allow, and orders from outside a delegation, changing nothing', async () => {
    const board = worldOf(c.projector);
    const us = secretOf(c.sam, 'us');
    // What the refusals below rest on, read from the world first.
    expect(us?.secrets.us?.budget).toBe(10);
    expect(board.measures.rendezvousNotice).toBeUndefined();
    expect(board.drafts.tcbm.tabled).toBe(false);
    expect(board.drafts.ppwt.sponsors).toContain('china');
    // Every delegation starts with every counterspace weapon at level 1 or more, and no order lowers one:
    // "Build that weapon before testing it" cannot be met in play, so the test prerequisite checked here is
    // the target that a laser or co-orbital test needs.
    for (const d of DELEGATIONS) {
      for (const level of Object.values(board.delegations[d].capabilities.counterspace)) {
        expect(level).toBeGreaterThanOrEqual(1);
      }
    }

    const rows: [Player, unknown, Refusal][] = [
      [
        c.sam,
        [
          { kind: 'launchSatellites', regime: 'geo', count: 3 },
          { kind: 'buildCounterspace', weapon: 'coOrbital' },
          { kind: 'buildMissileWarning' },
        ],
        { code: 'invalidOrders', message: 'These orders cost 11 points; your budget this round is 10.' },
      ],
      [
        c.ada,
        [{ kind: 'endorseTcbm', measure: 'rendezvousNotice' }],
        {
          code: 'invalidOrders',
          message: 'Order 1 (endorse a measure on the table): Nobody has proposed that measure yet.',
        },
      ],
      [
        c.sam,
        [
          { kind: 'workingPaper', topic: 'definitions' },
          { kind: 'amendDraft', draft: 'tcbm', clause: 'verification' },
        ],
        {
          code: 'invalidOrders',
          message: 'Order 2 (propose an amendment): Only a tabled draft can be amended.',
        },
      ],
      [
        c.sam,
        [{ kind: 'testCounterspace', weapon: 'laser' }],
        {
          code: 'invalidOrders',
          message:
            'Order 1 (test a counterspace weapon): Name the satellite owner your test approaches or dazzles.',
        },
      ],
      [
        c.chen,
        [{ kind: 'coSponsor', draft: 'ppwt' }],
        { code: 'invalidOrders', message: 'Order 1 (co-sponsor a draft): You already sponsor that draft.' },
      ],
      [
        c.olga,
        [{ kind: 'summit', with: 'russia' }],
        {
          code: 'invalidOrders',
          message: 'Order 1 (hold a summit (both must agree)): Choose another delegation, not your own.',
        },
      ],
      [c.obi, [], { code: 'notSeated', message: 'Sit at a delegation to draft its orders.' }],
      [c.una, [], { code: 'notSeated', message: 'Sit at a delegation to draft its orders.' }],
      [c.projector, [], { code: 'notAllowed', message: 'The projector board only watches.' }],
      [c.teacher, [], { code: 'notAllowed', message: 'Only students at a seat can do that.' }],
    ];
    const desks = DELEGATIONS.map((d) => ordersOf(c.teacher, d));
    for (const [sender, orders, refusal] of rows) {
      const before = await snapshot(sender);
      expect(await refused(sender, 'setOrders', { orders }), who(sender)).toEqual(refusal);
      expect(await snapshot(sender), `${who(sender)}: a refusal changes nothing`).toEqual(before);
    }
    expect(DELEGATIONS.map((d) => ordersOf(c.teacher, d))).toEqual(desks);

    // Confirming waits for the orders phase.
    expect(await refused(c.sam, 'submitOrders')).toEqual({
      code: 'wrongPhase',
      message: 'Orders are submitted in the orders phase; now it is the negotiation phase.',
    });
  });

  it("a team's orders and objectives reach no other team, nor the gallery, nor the projector; the teacher's world reaches nobody else", async () => {
    await settle(...everyone());
    const host = hostWorldOf(c.teacher);
    for (const d of DELEGATIONS) {
      for (const p of outsidersOf(d)) {
        expect(ordersOf(p, d), `${who(p)} decoded the ${d} orders`).toBeUndefined();
        expect(secretOf(p, d), `${who(p)} decoded the ${d} secrets`).toBeUndefined();
        for (const { text } of host?.secrets[d]?.objectives ?? []) {
          expect(framesContain(p, text), `${who(p)} received a ${d} objective`).toBe(false);
        }
      }
      for (const p of team(d)) {
        for (const { text } of host?.secrets[d]?.objectives ?? []) expect(framesContain(p, text)).toBe(true);
      }
    }
    for (const p of outsidersOf('us')) expect(framesContain(p, US_STATEMENT), who(p)).toBe(false);
    for (const p of outsidersOf('russia')) expect(framesContain(p, RU_STATEMENT), who(p)).toBe(false);
    for (const p of [...team('us'), c.teacher]) expect(framesContain(p, US_STATEMENT), who(p)).toBe(true);
    for (const p of [...team('russia'), c.teacher]) expect(framesContain(p, RU_STATEMENT), who(p)).toBe(true);

    // Scores are computed only in the teacher's world until the end.
    for (const p of [c.projector, ...students()]) {
      expect(hostWorldOf(p), who(p)).toBeUndefined();
      expect(framesContain(p, '"scores":{'), who(p)).toBe(false);
    }
    expect(framesContain(c.teacher, '"scores":{')).toBe(true);
  });

  it('only the head confirms; the teacher can choose another head; changing the orders withdraws them', async () => {
    // A paused timer does not survive the phase: the orders phase runs its own 3 minutes.
    await ask(c.teacher, 'pauseTimer');
    await advance();
    const s = c.teacher.room.state;
    expect(s).toMatchObject({ phase: 'orders', timerPaused: false, phaseRemainingMs: 0 });
    expect(s.phaseEndsAt - Date.now()).toBeGreaterThan(3 * 60_000 - 5000);

    const before = await snapshot(c.ada);
    expect(await refused(c.ada, 'submitOrders')).toEqual({
      code: 'notHead',
      message: 'Only the head of delegation (Sam) confirms the orders.',
    });
    expect(await snapshot(c.ada)).toEqual(before);
    expect(await refused(c.obi, 'submitOrders')).toEqual({
      code: 'notSeated',
      message: 'Sit at a delegation to submit its orders.',
    });
    expect(await refused(c.sam, 'setHead', { memberId: idOf(c.ada) })).toEqual({
      code: 'notAllowed',
      message: 'Only the teacher can do that.',
    });
    expect(await refused(c.teacher, 'setHead', { memberId: idOf(c.sam) })).toEqual({
      code: 'nothingToDo',
      message: 'Sam already heads the delegation.',
    });
    expect(await refused(c.teacher, 'setHead', { memberId: idOf(c.obi) })).toEqual({
      code: 'notSeated',
      message: 'Obi does not sit at a delegation.',
    });

    await ask(c.teacher, 'setHead', { memberId: idOf(c.ada) });
    await eventually(() => {
      for (const p of everyone()) expect(headAs(p, 'us'), who(p)).toBe(idOf(c.ada));
    });
    expect(await refused(c.sam, 'submitOrders')).toEqual({
      code: 'notHead',
      message: 'Only the head of delegation (Ada) confirms the orders.',
    });

    await ask(c.ada, 'submitOrders');
    await eventually(() => {
      for (const p of everyone()) expect(p.room.state.teams.get('us')?.submitted, who(p)).toBe(true);
    });
    expect(await refused(c.ada, 'submitOrders')).toEqual({
      code: 'nothingToDo',
      message: "Your delegation's orders are already in.",
    });

    // Sam drops the launch: the confirmed list is withdrawn until the head confirms the new one.
    const edited = ordersOf(c.sam, 'us')?.slice(0, 2) ?? [];
    await ask(c.sam, 'setOrders', { orders: edited });
    expect(c.sam.room.state.teams.get('us')?.submitted).toBe(false);
    await eventually(() => expect(c.projector.room.state.teams.get('us')?.submitted).toBe(false));
    await eventually(() => expect(ordersOf(c.ada, 'us')).toEqual(edited));
    // The head learns it at once: who changed the orders after whom, in the state every client decodes.
    await eventually(() => {
      for (const p of everyone())
        expect(p.room.state.teams.get('us'), who(p)).toMatchObject({
          submitted: false,
          withdrawnBy: idOf(c.sam),
          confirmedBy: idOf(c.ada),
        });
    });
    await ask(c.ada, 'submitOrders');
    await eventually(() => expect(c.ada.room.state.teams.get('us')?.withdrawnBy).toBe(''));
    await ask(c.chen, 'submitOrders');
    // Russia drafted but does not confirm.
    await eventually(() =>
      expect(DELEGATIONS.map((d) => c.projector.room.state.teams.get(d)?.submitted)).toEqual([
        true,
        true,
        false,
      ]),
    );
  });

  it('resolution plays the confirmed orders: causes name their actors, and a team that did not confirm gave no orders', async () => {
    await advance();
    expect(c.teacher.room.state.phase).toBe('resolution');
    await eventually(() => expect(worldOf(c.projector).round).toBe(1));
    const board = worldOf(c.projector);
    expect(board.year).toBe(2020);
    expect(causes(board)).toEqual(
      expect.arrayContaining([
        'China tabled the verification protocol',
        'China launched 1 satellite to low Earth orbit',
        'The US proposed a space hotline between capitals',
      ]),
    );
    expect(board.changes.filter((x) => x.source.kind === 'order' && x.source.by === 'russia')).toEqual([]);
    // The launch was withdrawn with the edit: only what the head confirmed was played.
    expect(causes(board)).not.toContain('The US launched 1 satellite to low Earth orbit');
    expect(storyOf(board, 1)).toContain('Russia gave no orders this round.');
    expect(storyOf(board, 1)).not.toContain('The US gave no orders this round.');
    expect(storyOf(board, 1)).not.toContain('China gave no orders this round.');
    expect(board.measures.hotline?.endorsers).toEqual(['us']);

    // A confirmed statement goes on the public record; Russia's unconfirmed one stays secret.
    expect(board.delegations.us.commitments.map((x) => x.text)).toContain(`Statement: ${US_STATEMENT}`);
    await settle(c.projector, ...outsidersOf('russia'));
    expect(framesContain(c.projector, US_STATEMENT)).toBe(true);
    for (const p of outsidersOf('russia')) expect(framesContain(p, RU_STATEMENT), who(p)).toBe(false);

    // Every client agrees on the public world; each team's secret world moved on too.
    await eventually(() => {
      for (const p of students()) expect(worldOf(p), who(p)).toEqual(board);
      for (const d of DELEGATIONS) for (const p of team(d)) expect(secretOf(p, d)?.round).toBe(1);
      expect(hostWorldOf(c.teacher)?.round).toBe(1);
    });
    expect(await refused(c.sam, 'setOrders', { orders: [] })).toEqual({
      code: 'wrongPhase',
      message: 'Orders are drafted in the negotiation and orders phases; now it is the resolution phase.',
    });
  });

  it('a new round clears the desks and keeps the heads', async () => {
    await advance(); // debrief
    await advance(); // round 2
    expect(c.teacher.room.state).toMatchObject({ round: 2, phase: 'briefing' });
    await eventually(() => {
      for (const d of DELEGATIONS) {
        for (const p of [c.teacher, ...team(d)]) expect(ordersOf(p, d), who(p)).toEqual([]);
        expect(c.projector.room.state.teams.get(d)?.submitted).toBe(false);
      }
      expect(headAs(c.projector, 'us')).toBe(idOf(c.ada));
      expect(headAs(c.projector, 'russia')).toBe(idOf(c.olga));
    });
    await advance();
    expect(c.teacher.room.state.phase).toBe('negotiation');
  });

  it('when the head drops, a connected teammate acts as head and confirms; the head takes over again on return', async () => {
    // Read the world before ordering: the US has jammers, the code of conduct is not tabled yet.
    expect(secretOf(c.sam, 'us')?.delegations.us.capabilities.counterspace.jamming).toBeGreaterThanOrEqual(1);
    expect(worldOf(c.ivan).drafts.tcbm.tabled).toBe(false);
    await ask(c.sam, 'setOrders', { orders: [{ kind: 'jam', target: 'china' }] });
    await ask(c.ivan, 'setOrders', { orders: [{ kind: 'tableDraft', draft: 'tcbm' }] });
    await ask(c.chen, 'setOrders', { orders: [{ kind: 'workingPaper', topic: 'verification' }] });
    await advance();
    expect(c.teacher.room.state.phase).toBe('orders');

    expect(await refused(c.ivan, 'submitOrders')).toEqual({
      code: 'notHead',
      message: 'Only the head of delegation (Olga) confirms the orders.',
    });
    c.olga.room.reconnection.enabled = false;
    h.dropConnection(c.olga);
    await eventually(() => {
      expect(c.olga.room.connection.isOpen).toBe(false);
      expect(c.teacher.room.state.members.get(idOf(c.olga))?.status).toBe('away');
      for (const p of [c.teacher, c.projector, c.ivan, c.sam]) expect(headAs(p, 'russia')).toBe(idOf(c.ivan));
    });
    await ask(c.ivan, 'submitOrders');
    await ask(c.ada, 'submitOrders');
    // China drafted but does not confirm this round.
    await eventually(() =>
      expect(DELEGATIONS.map((d) => c.projector.room.state.teams.get(d)?.submitted)).toEqual([
        true,
        false,
        true,
      ]),
    );

    c.olga = await h.reconnect(c.olga);
    await eventually(() => {
      for (const p of [c.teacher, c.projector, c.olga, c.ivan])
        expect(headAs(p, 'russia')).toBe(idOf(c.olga));
      expect(ordersOf(c.olga, 'russia')).toEqual([{ kind: 'tableDraft', draft: 'tcbm' }]);
      expect(c.olga.room.state.teams.get('russia')?.submitted).toBe(true);
    });
    expect(await refused(c.olga, 'submitOrders')).toEqual({
      code: 'nothingToDo',
      message: "Your delegation's orders are already in.",
    });
  });

  it('the second resolution: the acting head’s orders are played, and an attack’s true cause stays with the teacher and the attacker', async () => {
    await advance();
    expect(c.teacher.room.state.phase).toBe('resolution');
    await eventually(() => expect(worldOf(c.projector).round).toBe(2));
    const board = worldOf(c.projector);
    expect(board.year).toBe(2024);
    expect(causes(board)).toContain(
      'Russia tabled the code of conduct on transparency and confidence-building',
    );
    expect(causes(board)).toContain('Satellite signals of China were jammed');
    expect(storyOf(board, 2)).toContain('China gave no orders this round.');
    expect(storyOf(board, 2)).not.toContain('Russia gave no orders this round.');

    // The US jammed China: the teacher and the US know it; China only knows what its sensors tell it.
    expect(jam(hostWorldOf(c.teacher))?.cause).toEqual({ kind: 'attack', by: 'us' });
    expect(jam(secretOf(c.sam, 'us'))?.cause).toEqual({ kind: 'attack', by: 'us' });
    const victim = jam(secretOf(c.chen, 'china'));
    expect(victim).toBeDefined();
    expect(victim?.cause).toBeUndefined();
    expect(victim?.belief.china).toBeDefined();
    expect(jam(board)?.cause).toBeUndefined();

    const truth = '"cause":{"kind":"attack","by":"us"}';
    await settle(...everyone());
    for (const p of [c.teacher, c.sam, c.ada]) expect(framesContain(p, truth), who(p)).toBe(true);
    for (const p of outsidersOf('us')) expect(framesContain(p, truth), who(p)).toBe(false);
    // Before the end, no objective and no score has reached anyone but its owners and the teacher.
    const host = hostWorldOf(c.teacher);
    for (const d of DELEGATIONS) {
      for (const p of outsidersOf(d)) {
        for (const { text } of host?.secrets[d]?.objectives ?? []) expect(framesContain(p, text)).toBe(false);
      }
    }
    for (const p of [c.projector, ...students()]) {
      expect(hostWorldOf(p), who(p)).toBeUndefined();
      expect(framesContain(p, '"scores":{'), who(p)).toBe(false);
    }
  });

  // Found by this file, in shared/rules/views.ts (outside its remit), and pinned as they stand so that they stay
  // visible: once fixed, these fail, and each expectation flips to the line in its comment.
  it('the attacker’s own certain belief reaches no one else: not the victim, the other team or the projector', () => {
    const selfBelief = '"us":{"kind":"attack","by":"us","certain":true}';
    for (const p of outsidersOf('us')) expect(framesContain(p, selfBelief), who(p)).toBe(false);
    expect(jam(worldOf(c.projector))?.belief.us).toBeUndefined();
    expect(jam(secretOf(c.chen, 'china'))?.belief.us).toBeUndefined();
  });
  it('a public change caused by the secret jamming order does not name the jammer in its source', () => {
    const jammed = worldOf(c.projector).changes.find(
      (x) => x.cause === 'Satellite signals of China were jammed',
    );
    expect(jammed?.visibleTo).toBe('all');
    expect(jammed?.source).not.toMatchObject({ kind: 'order', by: 'us' });
  });

  it('after the last round the session ends and everything is revealed', async () => {
    await advance(); // debrief of round 2
    for (const round of [3]) {
      for (const phase of ['briefing', 'negotiation', 'orders', 'resolution', 'debrief']) {
        await advance();
        expect(`${c.teacher.room.state.round}:${c.teacher.room.state.phase}`).toBe(`${round}:${phase}`);
      }
    }
    await advance();
    expect(c.teacher.room.state).toMatchObject({ stage: 'ended', phase: '', phaseEndsAt: 0 });

    await eventually(() => {
      for (const p of [c.projector, ...students()]) {
        expect(p.room.state.stage, who(p)).toBe('ended');
        expect(worldOf(p).scores, who(p)).toBeDefined();
      }
    });
    const board = worldOf(c.projector);
    expect(board.round).toBe(3);
    // Each round's scripted cards were revealed at its start, once each, and nothing else was.
    expect(board.cards.map((x) => [x.round, x.card.id])).toEqual(
      (scenario?.rounds ?? []).flatMap((r, i) => r.cards.map((id) => [i + 1, id])),
    );
    for (const r of [3]) {
      for (const d of ['The US', 'China', 'Russia'])
        expect(storyOf(board, r)).toContain(`${d} gave no orders this round.`);
    }
    const host = hostWorldOf(c.teacher);
    expect(Object.keys(board.secrets).sort()).toEqual(['china', 'russia', 'us']);
    for (const d of DELEGATIONS) {
      expect(board.secrets[d]?.objectives.map((o) => o.text)).toEqual(
        host?.secrets[d]?.objectives.map((o) => o.text),
      );
    }
    expect(
      board.incidents.find((i) => i.round === 2 && i.victim === 'china' && i.kind === 'signalJammed')?.cause,
    ).toEqual({ kind: 'attack', by: 'us' });
    for (const d of DELEGATIONS) {
      for (const p of team(d)) expect(Object.keys(secretOf(p, d)?.secrets ?? {}).sort()).toHaveLength(3);
    }
    for (const p of [c.projector, ...students()]) expect(hostWorldOf(p), who(p)).toBeUndefined();

    // Russia never confirmed its statement: even now, it reached only Russia and the teacher.
    await settle(...outsidersOf('russia'));
    for (const p of outsidersOf('russia')) expect(framesContain(p, RU_STATEMENT), who(p)).toBe(false);

    expect(await refused(c.sam, 'setOrders', { orders: [] })).toEqual({
      code: 'wrongPhase',
      message: 'Orders are drafted in the negotiation and orders phases; the session has ended.',
    });
    expect(await refused(c.teacher, 'pauseTimer')).toEqual({
      code: 'wrongStage',
      message: 'Timers run only during the rounds.',
    });
  });
});

describe('a session with timers off', () => {
  it('has no countdown, and refuses to pause, resume or extend one', async () => {
    const quiet = await h.createSession({ timersOn: false });
    const teacher = await h.joinTeacher(quiet);
    const kim = await h.joinStudent(quiet, 'Kim');
    await ask(kim, 'chooseSeat', { seat: 'china' });
    await ask(teacher, 'startSession');
    await ask(teacher, 'advancePhase', seenBy(teacher));
    expect(teacher.room.state).toMatchObject({ phase: 'negotiation', phaseEndsAt: 0, timerPaused: false });
    const off = { code: 'nothingToDo', message: 'Phase timers are off for this session.' };
    expect(await refused(teacher, 'pauseTimer')).toEqual(off);
    expect(await refused(teacher, 'resumeTimer')).toEqual(off);
    expect(await refused(teacher, 'extendTimer', { minutes: 5, ...seenBy(teacher) })).toEqual(off);
    expect(teacher.room.state).toMatchObject({ phaseEndsAt: 0, timerPaused: false, phaseRemainingMs: 0 });
  });
});
