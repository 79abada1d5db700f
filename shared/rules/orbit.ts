import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import { from, type Gain, name, type OrderRules, type Placed, type RoundContext, tell } from './context.ts';
import { sentence } from './ledger.ts';
import type { Belief, Counterspace, Incident, Pledge, World } from './model.ts';
import type { Order, OrderKind } from './orders.ts';
import { DRAFT_SHORT, WEAPON_NAMES } from './texts.ts';
import { inspected, signed } from './treaties.ts';
import { BREACH_LEGITIMACY, INSPECTED_BUILD_DETECTION, VERIFIED_BREACH_DETECTION } from './tuning.ts';
import {
  DEBRIS_CLEANUP,
  DEBRIS_CLEANUP_PRESTIGE,
  DESTRUCTIVE_TEST,
  MISSILE_DEFENCE_ALIGNMENT,
  MISSILE_DEFENCE_GAIN,
  COVERTNESS_PER_LEVEL,
  INSPECTOR_AWARENESS,
  READ_BASE,
  READ_MAX,
  READ_MIN,
  READ_SLOPE,
  SUSPECT_TRUE_AUTHOR,
} from './tuning.ts';

/** How much each build adds to its owner's military power, the weight the security dilemma reads. */
const BUILD_GAIN: Record<Counterspace, number> = { jamming: 2, laser: 3, coOrbital: 4, directAscent: 4 };
/** Builds that other delegations see only if their sensors catch them. */
const COVERT: readonly Counterspace[] = ['jamming', 'coOrbital'];
/**
 * How hard an incident is to read, in levels of situational awareness: a close approach is seen by radar and
 * telescopes, a jam or a dazzle from an unknown source is harder, an anomaly hardest to tell from an attack.
 */
const READ_DIFFICULTY: Record<Incident['kind'], number> = {
  closeApproach: 1.5,
  signalJammed: 2.5,
  dazzled: 2.5,
  anomaly: 3,
};
/** The weapon behind each kind of attack, whose level is the attacker's skill at hiding its hand. */
const WEAPON_OF: Partial<Record<Incident['kind'], Counterspace>> = {
  closeApproach: 'coOrbital',
  signalJammed: 'jamming',
  dazzled: 'laser',
};

const REGIME_NAMES = {
  leo: 'low Earth orbit',
  meo: 'medium Earth orbit',
  geo: 'geostationary orbit',
} as const;
export const INCIDENT_NAMES: Record<Incident['kind'], string> = {
  signalJammed: 'satellite signals were jammed',
  closeApproach: 'a satellite was closely shadowed by an unknown object',
  dazzled: "a satellite's sensors were dazzled",
  anomaly: 'a satellite suffered an anomaly',
};

/**
 * The source of what everyone sees of a covert act (jamming, a test against a satellite): the class sees its
 * effects, not its author, whom only attribution may name.
 */
const UNSIGNED = { kind: 'rule', rule: 'incident' } as const;

/**
 * Whether `observer`'s sensors catch a covert build; a builder that accepts inspection (a party of a text with
 * verification) is caught more often.
 */
function detects(r: RoundContext, observer: Delegation, builder?: Delegation): boolean {
  const inspection = builder && inspected(r.before, builder) ? INSPECTED_BUILD_DETECTION : 0;
  return r.dice.chance(0.25 + 0.13 * r.before.delegations[observer].capabilities.ssa + inspection);
}

/** An attack on a satellite: an incident its victim will try to attribute, and a gain for its author. */
function attack(
  r: RoundContext,
  p: { by: Delegation },
  victim: Delegation,
  kind: Incident['kind'],
  gain: Gain,
) {
  const incident: Incident = {
    id: `i${r.w.nextId++}`,
    round: r.round,
    victim,
    kind,
    cause: { kind: 'attack', by: p.by },
    belief: {},
  };
  r.incidents.push(incident);
  // An attack feeds the victim's security dilemma only once the victim traces it to its author (see attribute).
  r.traced.set(incident, gain);
  r.militaryGain[p.by].push(gain);
}

/**
 * Orders in orbit, one rule per order kind: launches, weapons built and tested, jamming, sensors, missile defence, exercises,
 * debris clean-up and lunar missions. The round's incidents are attributed after them (incidentsInOrbit), and
 * the treaty rules checked (treatyRules).
 */
export const ORBIT_ORDER_RULES = {
  launchSatellites: {
    each: (r, p) => {
      const { regime, count } = p.order;
      r.ledger.add(
        `capability.${p.by}.satellites.${regime}`,
        count,
        `${name(p.by)} launched ${count} satellite${count > 1 ? 's' : ''} to ${REGIME_NAMES[regime]}`,
        from(p),
      );
      r.ledger.add(`prestige.${p.by}`, 1, `${name(p.by)} launched satellites`, from(p));
      tell(
        r,
        'all',
        `${name(p.by)} launched ${count} satellite${count > 1 ? 's' : ''} to ${REGIME_NAMES[regime]}.`,
      );
      if (regime === 'leo' && count >= 2)
        r.ledger.add(
          'debris',
          Math.floor(count / 2),
          `${name(p.by)}'s launches to a crowded low orbit`,
          from(p),
        );
      r.militaryGain[p.by].push({
        amount: count / 2,
        what: `${name(p.by)} launched satellites (dual use)`,
        knownTo: 'all',
      });
    },
  },
  buildCounterspace: {
    each: (r, p) => {
      const weapon = p.order.weapon;
      const covert = COVERT.includes(weapon);
      const knownTo: Delegation[] = covert
        ? DELEGATIONS.filter((o) => o !== p.by && detects(r, o, p.by))
        : [];
      const what = `${name(p.by)} built ${WEAPON_NAMES[weapon]}`;
      r.ledger.add(
        `capability.${p.by}.counterspace.${weapon}`,
        1,
        what,
        from(p),
        covert ? [p.by, ...knownTo] : 'all',
      );
      if (covert) {
        r.w.covert.push({
          id: `c${r.w.nextId++}`,
          round: r.round,
          by: p.by,
          kind: weapon,
          knownTo,
          public: false,
        });
        tell(
          r,
          [p.by, ...knownTo],
          `${what} in secret${knownTo.length ? `; ${knownTo.map(name).join(' and ')} detected it` : '; nobody detected it'}.`,
        );
      } else tell(r, 'all', `${what}.`);
      r.militaryGain[p.by].push({ amount: BUILD_GAIN[weapon], what, knownTo: covert ? knownTo : 'all' });
    },
  },
  testCounterspace: {
    each: (r, p) => {
      const { ledger } = r;
      const { weapon, target } = p.order;
      if (weapon === 'directAscent') {
        const test = `${name(p.by)}'s destructive direct-ascent ASAT test`;
        tell(
          r,
          'all',
          `${name(p.by)} destroyed one of its own satellites with a direct-ascent missile, leaving a cloud of debris.`,
        );
        tell(
          r,
          'all',
          `The world now knows ${name(p.by)} can strike in orbit: pride at home, condemnation abroad.`,
        );
        ledger.add('debris', DESTRUCTIVE_TEST.debris, test, from(p));
        ledger.add('tension', DESTRUCTIVE_TEST.tension, test, from(p));
        ledger.add(`legitimacy.${p.by}`, DESTRUCTIVE_TEST.legitimacy, `${test} was condemned`, from(p));
        ledger.add(
          `prestige.${p.by}`,
          DESTRUCTIVE_TEST.prestige,
          `${test} showed the country's strength at home`,
          from(p),
        );
        // Shown, the capability deters (security.ts): the one gain a destructive test brings its author.
        r.w.delegations[p.by].shownAsat = true;
        if (r.before.delegations[p.by].capabilities.satellites.leo > 0) {
          ledger.add(
            `capability.${p.by}.satellites.leo`,
            -1,
            `${name(p.by)} destroyed one of its own satellites in the test`,
            from(p),
          );
        }
        r.militaryGain[p.by].push({
          amount: 6,
          what: `${name(p.by)} tested a direct-ascent ASAT`,
          knownTo: 'all',
        });
      } else if (target) {
        attack(r, p, target, weapon === 'coOrbital' ? 'closeApproach' : 'dazzled', {
          amount: weapon === 'coOrbital' ? 5 : 3,
          what: `${name(p.by)} tested ${WEAPON_NAMES[weapon]}`,
          knownTo: [p.by],
        });
        if (weapon === 'coOrbital')
          ledger.add(
            'debris',
            1,
            `A co-orbital test near a satellite of ${name(target)} released fragments`,
            UNSIGNED,
          );
        ledger.add(
          'tension',
          weapon === 'coOrbital' ? 4 : 2,
          `A ${weapon === 'coOrbital' ? 'co-orbital' : 'laser'} weapon was tested against a satellite of ${name(target)}`,
          UNSIGNED,
        );
        tell(r, [p.by], `We tested ${WEAPON_NAMES[weapon]} against a satellite of ${name(target)}.`);
      }
    },
  },
  jam: {
    each: (r, p) => {
      attack(r, p, p.order.target, 'signalJammed', {
        amount: 2,
        what: `${name(p.by)} jammed satellites`,
        knownTo: [p.by],
      });
      r.ledger.add('tension', 2, `Satellite signals of ${name(p.order.target)} were jammed`, UNSIGNED);
      tell(r, [p.by], `We jammed the satellite signals of ${name(p.order.target)}.`);
    },
  },
  buildMissileWarning: {
    each: (r, p) => {
      r.ledger.add(
        `capability.${p.by}.missileWarning`,
        1,
        `${name(p.by)} built missile-warning radars and sensors`,
        from(p),
      );
      tell(
        r,
        'all',
        `${name(p.by)} expanded its missile early warning. It calls the system defensive; the others cannot verify that.`,
      );
      r.militaryGain[p.by].push({
        amount: 3,
        what: `${name(p.by)} built missile-warning radars (dual use)`,
        knownTo: 'all',
      });
    },
  },
  buildSsa: {
    each: (r, p) => {
      r.ledger.add(`capability.${p.by}.ssa`, 1, `${name(p.by)} built space-tracking sensors`, from(p));
      tell(r, 'all', `${name(p.by)} improved its space situational awareness.`);
      r.militaryGain[p.by].push({
        amount: 1,
        what: `${name(p.by)} built space-tracking sensors`,
        knownTo: 'all',
      });
    },
  },
  buildMissileDefence: {
    each: (r, p) => {
      r.ledger.add(
        `capability.${p.by}.missileDefence`,
        1,
        `${name(p.by)} built missile-defence interceptors`,
        from(p),
      );
      tell(
        r,
        'all',
        `${name(p.by)} added missile-defence interceptors. It calls them a shield against a few missiles; the others read them as a threat to their own deterrent.`,
      );
      r.militaryGain[p.by].push({
        amount: MISSILE_DEFENCE_GAIN,
        what: `${name(p.by)} built missile defence`,
        knownTo: 'all',
      });
      // US missile defence drove much of the China–Russia alignment: the two close ranks against a third's shield.
      if (p.by !== 'china' && p.by !== 'russia')
        r.ledger.add(
          'alignment',
          MISSILE_DEFENCE_ALIGNMENT,
          `China and Russia closed ranks against ${name(p.by)}'s missile defence`,
          from(p),
        );
    },
  },
  jointExercise: { together: jointExercises },
  debrisMitigation: {
    each: (r, p) => {
      // Removing debris is slow and costly: the order mostly deorbits one's own dead satellites.
      r.ledger.add(
        'debris',
        -DEBRIS_CLEANUP,
        `${name(p.by)} deorbited dead satellites and removed a little debris`,
        from(p),
      );
      r.ledger.add(`prestige.${p.by}`, DEBRIS_CLEANUP_PRESTIGE, `${name(p.by)} cleaned up orbit`, from(p));
    },
  },
  lunarMission: {
    each: (r, p) => {
      r.ledger.add(`capability.${p.by}.lunar`, 12, `${name(p.by)} flew a lunar mission`, from(p));
      r.ledger.add(`prestige.${p.by}`, 3, `${name(p.by)} flew a lunar mission`, from(p));
      tell(r, 'all', `${name(p.by)} flew a lunar mission.`);
    },
  },
} satisfies Partial<OrderRules<OrderKind>>;

/**
 * A joint air and missile defence exercise takes place when both sides ordered it: each gains, and China with
 * Russia draw closer. An exercise the other side did not order is told to its proposer only.
 */
function jointExercises(r: RoundContext, exercises: Placed<'jointExercise'>[]) {
  for (const p of exercises) {
    const answer = exercises.find((q) => q.by === p.order.with && q.order.with === p.by);
    if (!answer) {
      tell(r, [p.by], `${name(p.order.with)} did not join the exercise we proposed.`);
      continue;
    }
    r.militaryGain[p.by].push({
      amount: 3,
      what: `${name(p.by)} held a joint missile-defence exercise with ${name(p.order.with)}`,
      knownTo: 'all',
    });
    if (DELEGATIONS.indexOf(p.by) < DELEGATIONS.indexOf(p.order.with)) {
      tell(
        r,
        'all',
        `${name(p.by)} and ${name(p.order.with)} held a joint air and missile defence exercise.`,
      );
      if ([p.by, p.order.with].includes('china') && [p.by, p.order.with].includes('russia')) {
        r.ledger.add('alignment', 5, 'China and Russia held a joint missile-defence exercise', from(p));
      }
    }
  }
}

/**
 * The round's incidents in orbit: those of its attacks and those of nature, each attributed by its victim (see
 * attribute), then kept in the world.
 */
export function incidentsInOrbit(r: RoundContext) {
  naturalIncidents(r, r.incidents);
  for (const incident of r.incidents) attribute(r, incident, r.traced.get(incident));
  r.w.incidents.push(...r.incidents);
}

/** Space is hostile without anyone's help: anomalies grow likelier with debris. */
function naturalIncidents(r: RoundContext, incidents: Incident[]) {
  for (const d of DELEGATIONS) {
    if (!r.dice.chance(0.08 + r.before.debris / 400)) continue;
    const roll = r.dice.int(0, 99);
    const what = roll < r.before.debris ? 'debrisStrike' : roll < 70 ? 'spaceWeather' : 'malfunction';
    incidents.push({
      id: `i${r.w.nextId++}`,
      round: r.round,
      victim: d,
      kind: 'anomaly',
      cause: { kind: 'natural', what },
      belief: {},
    });
  }
}

/**
 * A delegation's awareness in orbit: its sensors, and its co-orbital inspectors, which watch others' satellites
 * up close (the same inspectors that threaten them).
 */
export function awareness(w: World, d: Delegation): number {
  const c = w.delegations[d].capabilities;
  return c.ssa + INSPECTOR_AWARENESS * c.counterspace.coOrbital;
}

/**
 * The chance that `observer` reads an incident clearly: its awareness against the incident's difficulty, made
 * harder by the attacker's skill with the weapon used. Never certain either way: the US at level 4 still
 * muddles a covert approach now and then, and a power with poor sensors still reads some.
 */
export function readingChance(w: World, observer: Delegation, incident: Incident): number {
  const weapon = WEAPON_OF[incident.kind];
  const covertness =
    incident.cause.kind === 'attack' && weapon
      ? COVERTNESS_PER_LEVEL * w.delegations[incident.cause.by].capabilities.counterspace[weapon]
      : 0;
  const margin = awareness(w, observer) - READ_DIFFICULTY[incident.kind] - covertness;
  return Math.max(READ_MIN, Math.min(READ_MAX, READ_BASE + READ_SLOPE * margin));
}

/**
 * What the victim believes caused an incident. Read clearly (see readingChance), it knows. Muddled, an attack
 * is traced to its author half the time; otherwise the victim may blame the other rival, as much as it fears
 * it, and a natural anomaly may be blamed on the rival it fears most: the security dilemma at work, for every
 * delegation. A hotline with the rival blamed halves the chance of a wrong accusation.
 */
function attribute(r: RoundContext, incident: Incident, gain: Gain | undefined) {
  const { w, ledger, dice } = r;
  const victim = incident.victim;
  const v = r.before.delegations[victim];
  w.delegations[victim].incidentsThisRound++;
  const hotlineWith = (o: Delegation) =>
    r.before.measures.hotline?.endorsers.includes(victim) && r.before.measures.hotline.endorsers.includes(o);
  const suspicion = (o: Delegation) => ((v.threat[o] ?? 0) / 100) * (hotlineWith(o) ? 0.5 : 1);
  let belief: Belief;
  if (dice.chance(readingChance(r.before, victim, incident))) {
    belief =
      incident.cause.kind === 'attack'
        ? { kind: 'attack', by: incident.cause.by, certain: true }
        : { kind: 'natural', certain: true };
  } else if (incident.cause.kind === 'attack') {
    const author = incident.cause.by;
    const bystander = DELEGATIONS.find((o) => o !== victim && o !== author) as Delegation;
    belief = dice.chance(SUSPECT_TRUE_AUTHOR)
      ? { kind: 'attack', by: author, certain: false }
      : dice.chance(suspicion(bystander))
        ? { kind: 'attack', by: bystander, certain: false }
        : { kind: 'unknown' };
  } else {
    const feared = DELEGATIONS.filter((o) => o !== victim).sort(
      (a, b) => (v.threat[b] ?? 0) - (v.threat[a] ?? 0),
    )[0] as Delegation;
    belief = dice.chance(suspicion(feared))
      ? { kind: 'attack', by: feared, certain: false }
      : { kind: 'unknown' };
  }
  incident.belief[victim] = belief;
  if (incident.cause.kind === 'attack')
    incident.belief[incident.cause.by] = { kind: 'attack', by: incident.cause.by, certain: true };
  const rule = { kind: 'rule' as const, rule: 'attribution' };
  const happened = `${name(victim)}: ${INCIDENT_NAMES[incident.kind]}`;
  if (belief.kind === 'attack') {
    const wrong = incident.cause.kind !== 'attack' || incident.cause.by !== belief.by;
    if (!wrong && gain && gain.knownTo !== 'all') gain.knownTo.push(victim);
    ledger.add(
      `threat.${victim}.${belief.by}`,
      incident.kind === 'closeApproach' ? 7 : 5,
      `${happened}; ${name(victim)} blames ${name(belief.by)}${belief.certain ? '' : ' (suspected)'}`,
      rule,
    );
    ledger.add('tension', 2, `${name(victim)} accused ${name(belief.by)} over an incident in orbit`, rule);
    tell(
      r,
      'all',
      `${happened}. ${sentence(name(victim))} ${belief.certain ? 'has evidence that' : 'suspects'} ${name(belief.by)} was behind it.`,
    );
    tell(r, [victim], `Our analysts ${belief.certain ? 'traced' : 'suspect'} the cause: ${name(belief.by)}.`);
    if (wrong)
      tell(
        r,
        [],
        `The truth: ${incident.cause.kind === 'natural' ? `a natural cause (${incident.cause.what})` : `an attack by ${name(incident.cause.by)}`}.`,
      );
  } else if (belief.kind === 'natural') {
    tell(r, [victim], `${happened}. Our sensors show a natural cause.`);
  } else {
    ledger.add('tension', 1, `${happened}, cause unknown`, rule);
    tell(
      r,
      [victim],
      `${happened}. We cannot tell whether it was weather, debris, an accident or an attack.`,
    );
  }
}

/** The pledges that bind as rules, with their names; restraint is words only, compared with deeds for the debrief. */
const BINDING_PLEDGES: readonly (readonly [Pledge, string])[] = [
  ['noFirstPlacement', 'the no-first-placement pledge'],
  ['noAsatTests', 'the pledge to halt destructive ASAT tests'],
  ['notifyApproaches', 'the pledge to give notice of close approaches'],
];

/** A rule an order breaks, and whether the delegation is bound by it (a party, a pledge) or only signed it. */
interface Breach {
  rule: string; // "PPWT", "PPWT (signed, not ratified)", "the no-first-placement pledge"
  bound: boolean;
}

/**
 * The rules a delegation accepted (treaties it ratified, or signed without ratifying yet; endorsed measures;
 * resolutions it voted for) and the orders that break them.
 */
function breaches(r: RoundContext, d: Delegation, o: Order): Breach[] {
  const found: Breach[] = [];
  const before = r.before;
  const treaty = (id: keyof typeof before.drafts) => {
    if (before.drafts[id].parties.includes(d)) found.push({ rule: DRAFT_SHORT[id], bound: true });
    else if (signed(before.drafts[id], d))
      found.push({ rule: `${DRAFT_SHORT[id]} (signed, not ratified)`, bound: false });
  };
  const pledged = (p: Pledge) =>
    before.delegations[d].commitments.some((c) => c.pledge === p && c.kind !== 'statement');
  const weapon = o.kind === 'buildCounterspace' || o.kind === 'testCounterspace' ? o.weapon : undefined;
  const groundBasedBanned = before.drafts.ppwt.clauses.groundBasedAsat;
  if (weapon === 'coOrbital' || (groundBasedBanned && weapon === 'directAscent')) treaty('ppwt');
  if (o.kind === 'testCounterspace' || o.kind === 'jam') treaty('tcbm');
  for (const [pledge, rule] of BINDING_PLEDGES)
    if (pledged(pledge) && contradicts(pledge, o)) found.push({ rule, bound: true });
  return found;
}

function describe(o: Order): string {
  if (o.kind === 'buildCounterspace') return `built ${WEAPON_NAMES[o.weapon]}`;
  if (o.kind === 'testCounterspace') return `tested ${WEAPON_NAMES[o.weapon]}`;
  if (o.kind === 'jam') return `jammed satellites of ${name(o.target)}`;
  return o.kind;
}

/**
 * A breach is not refused: it happens, and is flagged. Each other delegation may detect it (a destructive test
 * always; otherwise by its sensors, helped by inspection when the violator is a party of a text with
 * verification, or surely once a verification protocol binds the violator). Detected violations cost legitimacy
 * (less for a signatory that has not ratified) and trust. Words that a delegation did not turn into rules (statements) are
 * only compared with its deeds, for the debrief.
 */
export function treatyRules(r: RoundContext) {
  const { w, ledger, dice } = r;
  for (const p of r.orders) {
    for (const { rule, bound } of breaches(r, p.by, p.order)) {
      const verified = r.before.drafts.verification.parties.includes(p.by);
      const inspection = inspected(r.before, p.by) ? VERIFIED_BREACH_DETECTION : 0;
      const always = p.order.kind === 'testCounterspace' && p.order.weapon === 'directAscent';
      const detectedBy = DELEGATIONS.filter(
        (o) =>
          o !== p.by &&
          (always ||
            verified ||
            dice.chance(0.3 + 0.12 * r.before.delegations[o].capabilities.ssa + inspection)),
      );
      const what = `${name(p.by)} ${describe(p.order)}`;
      w.violations.push({ round: r.round, by: p.by, rule, what, detectedBy });
      if (detectedBy.length === 0) {
        tell(r, [p.by], `We breached ${rule} (${describe(p.order)}). Nobody detected it, for now.`);
        continue;
      }
      tell(r, 'all', `${what}, in breach of ${rule}; detected by ${detectedBy.map(name).join(' and ')}.`);
      // A breach made public exposes the covert build behind it to everyone.
      if (p.order.kind === 'buildCounterspace') {
        const weapon = p.order.weapon;
        for (const c of w.covert)
          if (c.by === p.by && c.round === r.round && c.kind === weapon) c.public = true;
        // Everyone now knows of the build: it feeds every rival's security dilemma, and its change is public.
        const built = `${name(p.by)} built ${WEAPON_NAMES[weapon]}`;
        for (const gain of r.militaryGain[p.by]) if (gain.what === built) gain.knownTo = 'all';
        for (const c of w.changes) {
          if (c.round === r.round && c.target === `capability.${p.by}.counterspace.${weapon}`)
            c.visibleTo = 'all';
        }
      }
      ledger.add(
        `legitimacy.${p.by}`,
        BREACH_LEGITIMACY[bound ? 'party' : 'signatory'],
        `${what} in breach of ${rule}`,
        from(p),
      );
      ledger.add('tension', 5, `${name(p.by)} was caught breaching ${rule}`, from(p));
      for (const o of detectedBy)
        ledger.add(`threat.${o}.${p.by}`, 6, `${name(o)} caught ${name(p.by)} breaching ${rule}`, from(p));
    }
    const said = r.before.delegations[p.by].commitments.concat(
      w.delegations[p.by].commitments.filter((c) => c.round === r.round),
    );
    for (const c of said) {
      if (!c.pledge || !contradicts(c.pledge, p.order)) continue;
      if (
        w.gaps.some(
          (g) => g.round === r.round && g.by === p.by && g.said === c.text && g.did === describe(p.order),
        )
      )
        continue;
      w.gaps.push({ round: r.round, by: p.by, said: c.text, did: describe(p.order) });
    }
  }
}

function contradicts(pledge: Pledge, o: Order): boolean {
  const weapon = o.kind === 'buildCounterspace' || o.kind === 'testCounterspace' ? o.weapon : undefined;
  switch (pledge) {
    case 'restraint':
      return weapon !== undefined || o.kind === 'jam';
    case 'noFirstPlacement':
      return weapon === 'coOrbital';
    case 'noAsatTests':
      return o.kind === 'testCounterspace' && weapon === 'directAscent';
    case 'notifyApproaches':
      return o.kind === 'testCounterspace' && weapon === 'coOrbital';
  }
}
