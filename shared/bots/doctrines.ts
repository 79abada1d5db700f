/**
 * The delegations the server plays: each country's doctrine as the record describes it, at three levels that
 * differ in how well they read the world, never in what they may see. A bot reads its delegation's view of the
 * world (`viewFor`) and a generator seeded from the session's seed, the round and the delegation; nothing else.
 */
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { othersDefected, programme, type Situation, treatyWork } from '../doctrines/situation.ts';
import type { Counterspace } from '../rules/model.ts';
import type { Order } from '../rules/orders.ts';
import { Dice, seedRng } from '../rules/rng.ts';
import { BOT_LEVEL_NAMES, BOT_LEVELS, type BotLevel } from '../model/botLevels.ts';

export { BOT_LEVEL_NAMES, BOT_LEVELS, type BotLevel };

/** What a bot decides from: its delegation's situation, its level, and the session's seed. */
export interface BotSituation extends Situation {
  level: BotLevel;
}

/**
 * The bot's own generator for one round: the same seed, round and delegation always give the same draws, and
 * drawing never touches the world's generator (so a bot cannot change what the rules draw).
 */
export function botDice(seed: number, round: number, me: Delegation): Dice {
  const mixed =
    (seed ^ Math.imul(round + 1, 0x9e3779b1) ^ Math.imul(DELEGATIONS.indexOf(me) + 1, 0x85ebca6b)) | 0;
  return new Dice(seedRng(mixed));
}

/** What a delegation saw the others do in the last resolved round, as far as its own view shows. */
export interface Reading {
  armed: Delegation[]; // others whose orders raised a counterspace level this delegation can see
  tested: Delegation[]; // others who tested a weapon in the open, or whom it blames for an attack on its satellites
  breached: Delegation[]; // others caught breaching a text or a pledge
  threat: number; // the highest threat it perceives from another delegation (its own secret), 0–100
  budget: number; // its points this round
}

/** Reads the last resolved round from one delegation's view: who armed, tested or breached, and how threatened it feels. */
export function readWorld({ me, now }: Situation): Reading {
  const last = now.round;
  const others = DELEGATIONS.filter((d) => d !== me);
  const byOrder = (pattern: (target: string, by: Delegation) => boolean) =>
    others.filter((o) =>
      now.changes.some(
        (c) =>
          c.round === last &&
          c.source.kind === 'order' &&
          c.source.by === o &&
          c.delta > 0 &&
          pattern(c.target, o),
      ),
    );
  const armed = byOrder((t, o) => t.startsWith(`capability.${o}.counterspace.`));
  const destructive = byOrder((t) => t === 'debris');
  const blamed = others.filter((o) =>
    now.incidents.some((i) => {
      const belief = i.belief[me];
      return i.round === last && i.victim === me && belief?.kind === 'attack' && belief.by === o;
    }),
  );
  const breached = others.filter((o) => now.violations.some((v) => v.by === o && v.round >= last));
  const mine = now.secrets[me];
  return {
    armed,
    tested: others.filter((o) => destructive.includes(o) || blamed.includes(o)),
    breached,
    threat: Math.max(0, ...Object.values(mine?.threat ?? {}).map((t) => t ?? 0)),
    budget: mine?.budget ?? 0,
  };
}

/** Whoever armed, tested or breached last round, most offences first (ties in table order). */
function offenders(r: Reading): Delegation[] {
  const count = (d: Delegation) =>
    Number(r.armed.includes(d)) + 2 * Number(r.tested.includes(d)) + 2 * Number(r.breached.includes(d));
  return DELEGATIONS.filter((d) => count(d) > 0).sort((a, b) => count(b) - count(a));
}

/** Votes on the resolutions up for a vote this round, by the country's recorded line on each topic. */
function votes({ me, now }: Situation): Order[] {
  return now.resolutions
    .filter((r) => !r.result && r.proposedRound === now.round)
    .map((r): Order => {
      const yes =
        me === 'us'
          ? r.topic === 'responsibleBehaviours' || r.topic === 'asatTestBan'
          : r.topic === 'parosMeasures' || r.topic === 'noFirstPlacement';
      const no = me === 'us' ? r.topic === 'noFirstPlacement' : r.topic === 'responsibleBehaviours';
      return { kind: 'voteResolution', resolution: r.id, vote: yes ? 'yes' : no ? 'no' : 'abstain' };
    });
}

/** A First Committee resolution on the country's topic, once a year. */
function resolution({ me, now }: Situation): Order[] {
  const topic =
    me === 'us' ? 'responsibleBehaviours' : me === 'russia' ? 'noFirstPlacement' : 'parosMeasures';
  const already = now.resolutions.some((r) => r.topic === topic && r.year === now.year);
  return already ? [] : [{ kind: 'proposeResolution', topic }];
}

/** A transparency measure: endorse it if on the table, propose it otherwise (nothing if it already endorses it). */
function measure(
  s: Situation,
  m: 'hotline' | 'launchNotification' | 'rendezvousNotice' | 'noFirstPlacement',
): Order[] {
  const on = s.now.measures[m];
  if (on?.endorsers.includes(s.me)) return [];
  return [on ? { kind: 'endorseTcbm', measure: m } : { kind: 'proposeTcbm', measure: m }];
}

/**
 * The United States at the CD: verification first. It amends the PPWT for verification and ground-based
 * weapons, binds itself only to a text that has both, and blocks consensus on a text close to adoption without
 * them (CD/1998, 2014). It backs transparency measures the others can check.
 */
function usTalks(s: Situation): Order[] {
  const ppwt = s.now.drafts.ppwt;
  const whole = ppwt.clauses.verification && ppwt.clauses.groundBasedAsat;
  const texts = treatyWork(s).filter(
    (o) =>
      (o.kind !== 'signTreaty' && o.kind !== 'ratifyTreaty') || s.now.drafts[o.draft].clauses.groundBasedAsat,
  );
  const ppwtOrder: Order[] = !ppwt.tabled
    ? []
    : whole
      ? ppwt.sponsors.includes('us')
        ? []
        : [{ kind: 'coSponsor', draft: 'ppwt' }]
      : ppwt.momentum >= 60 && ppwt.adoptedRound === undefined
        ? [{ kind: 'blockConsensus', draft: 'ppwt' }]
        : [
            {
              kind: 'amendDraft',
              draft: 'ppwt',
              clause: ppwt.clauses.verification ? 'groundBasedAsat' : 'verification',
            },
          ];
  return [
    ...texts,
    ...votes(s),
    ...ppwtOrder,
    ...measure(s, 'launchNotification'),
    ...measure(s, 'rendezvousNotice'),
  ];
}

/**
 * China and Russia at the CD: the PPWT and no first placement. They table or co-sponsor the treaty, refuse an
 * amendment for ground-based weapons (the text never covered them) and accept the others, and carry the
 * no-first-placement pledge as a measure and, for Russia, as a resolution (69/32, 2014).
 */
function ppwtTalks(s: Situation): Order[] {
  const ppwt = s.now.drafts.ppwt;
  const texts = treatyWork(s).map(
    (o): Order =>
      o.kind === 'answerAmendment' && o.clause === 'groundBasedAsat' ? { ...o, answer: 'refuse' } : o,
  );
  const ppwtOrder: Order[] = !ppwt.tabled
    ? [{ kind: 'tableDraft', draft: 'ppwt' }]
    : ppwt.sponsors.includes(s.me)
      ? []
      : [{ kind: 'coSponsor', draft: 'ppwt' }];
  return [...texts, ...votes(s), ...ppwtOrder, ...measure(s, 'noFirstPlacement')];
}

/** The country's answer to arming, tests or breaches it saw, aimed at the worst offender. */
function deterrence(s: Situation, target: Delegation, reading: Reading, dice: Dice): Order[] {
  const weapon = (list: Counterspace[]) => list[dice.int(0, list.length - 1)] ?? 'jamming';
  if (s.me === 'us') {
    const punish: Order[] =
      reading.tested.includes(target) || reading.breached.includes(target)
        ? [{ kind: 'sanction', target, measure: 'exportControls' }]
        : [];
    return [
      { kind: 'buildMissileDefence' },
      ...punish,
      { kind: 'buildSsa' },
      { kind: 'buildCounterspace', weapon: weapon(['jamming', 'laser']) },
    ];
  }
  if (s.me === 'china')
    return [
      { kind: 'buildCounterspace', weapon: weapon(['directAscent', 'laser', 'jamming']) },
      { kind: 'buildSsa' },
      { kind: 'techDeal', with: 'russia', deal: 'missileWarning' },
    ];
  return [
    { kind: 'testCounterspace', weapon: 'coOrbital', target },
    { kind: 'buildCounterspace', weapon: 'coOrbital' },
    { kind: 'buildMissileWarning' },
  ];
}

/**
 * What each country does every round besides its talks: the US its Artemis partners and missions; China its
 * lunar programme, engines and missile-warning help from Russia, and a summit with Russia only while the
 * alignment stays short of an alliance (it leans on Russia without paying for Russia's war); Russia engine and
 * missile-warning sales to China, the ILRS, and a summit with China.
 */
function ownProgramme(s: Situation): Order[] {
  if (s.me === 'us') return [...programme('us'), { kind: 'buildSsa' }];
  if (s.me === 'china')
    return [
      ...programme('china'),
      ...(s.now.alignment < 60 ? [{ kind: 'summit', with: 'russia' } as Order] : []),
    ];
  return [
    { kind: 'techDeal', with: 'china', deal: 'missileWarning' },
    ...programme('russia'),
    { kind: 'summit', with: 'china' },
  ];
}

/** The hedge each keeps in calm times: China its counterspace options, Russia its co-orbital tests. */
function hedge(s: Situation, dice: Dice): Order[] {
  if (s.me === 'china' && s.now.round % 2 === 1) return [{ kind: 'buildCounterspace', weapon: 'jamming' }];
  if (s.me === 'russia' && dice.chance(0.5))
    return [{ kind: 'testCounterspace', weapon: 'coOrbital', target: 'us' }];
  return [];
}

const talksOf = (s: Situation) => (s.me === 'us' ? usTalks(s) : ppwtTalks(s));

/**
 * A novice plays a fixed programme: its country's talks and programme every round, in the order the record
 * gives them, whatever happened last round. It draws only which of its two opening items comes first.
 */
function novice(s: Situation, dice: Dice): Order[] {
  const own = ownProgramme(s);
  const talks = talksOf(s);
  return dice.chance(0.5) ? [...talks, ...own] : [...own, ...talks];
}

/**
 * A standard bot cooperates while the others do (the check of verifiedCooperation) and answers arming, tests or
 * breaches it saw last round with a round of its country's deterrence against the worst offender.
 */
function standard(s: Situation, dice: Dice): Order[] {
  const reading = readWorld(s);
  const worst = offenders(reading)[0];
  if (othersDefected(s) || worst) {
    const target = worst ?? (s.me === 'us' ? 'russia' : 'us');
    return [...deterrence(s, target, reading, dice), ...votes(s), ...ownProgramme(s)];
  }
  return [...talksOf(s), ...ownProgramme(s), ...hedge(s, dice), ...resolution(s)];
}

/**
 * An expert weighs what it reads: it answers offenders as a standard bot does, but also arms when its own threat
 * perception is high even without a visible offence, and forgives a lone arming one time in three when its
 * threat is low (to break a spiral); when tension is high it puts a hotline first. It spends its whole budget:
 * with more than 8 points it keeps talking while it deters.
 */
function expert(s: Situation, dice: Dice): Order[] {
  const reading = readWorld(s);
  const list = offenders(reading);
  const worst = list[0];
  const onlyArmed = worst !== undefined && !reading.tested.length && !reading.breached.length;
  const forgive = onlyArmed && reading.threat < 40 && dice.chance(1 / 3);
  const calmDown: Order[] = s.now.tension >= 60 ? measure(s, 'hotline') : [];
  if ((worst && !forgive) || reading.threat >= 65) {
    const target = worst ?? (s.me === 'us' ? 'russia' : 'us');
    const deter = deterrence(s, target, reading, dice);
    const talking = reading.budget > 8 ? talksOf(s) : votes(s);
    return [...calmDown, ...deter.slice(0, 2), ...talking, ...deter.slice(2), ...ownProgramme(s)];
  }
  return [...calmDown, ...talksOf(s), ...resolution(s), ...ownProgramme(s), ...hedge(s, dice)];
}

/**
 * A bot's wishes for this round, best first; the caller keeps the affordable valid prefix. Pure: the same
 * situation, level and seed give the same list.
 */
export function botWishes(s: BotSituation): Order[] {
  const dice = botDice(s.seed ?? 0, s.now.round, s.me);
  const wishes =
    s.level === 'novice' ? novice(s, dice) : s.level === 'standard' ? standard(s, dice) : expert(s, dice);
  return dedupe(wishes);
}

/** Drops repeated wishes (the same order twice would be refused): the first stays. */
function dedupe(orders: Order[]): Order[] {
  const seen = new Set<string>();
  return orders.filter((o) => {
    const key = JSON.stringify(o, Object.keys(o).sort());
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The record doctrines at each level, as the balance tournament plays them. */
export const recordNovice = (s: Situation): Order[] => botWishes({ ...s, level: 'novice' });
export const recordStandard = (s: Situation): Order[] => botWishes({ ...s, level: 'standard' });
export const recordExpert = (s: Situation): Order[] => botWishes({ ...s, level: 'expert' });
