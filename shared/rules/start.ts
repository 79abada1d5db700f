import type { StartOverrides } from '../content/scenario.ts';
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import type { Capabilities, DelegationState, DraftId, World } from './model.ts';
import { seedRng } from './rng.ts';

/**
 * The world at the start of the campaign, read from the record as of early 2015:
 * - the revised PPWT (CD/1985, June 2014) is on the table, sponsored by China and Russia, and the US has called
 *   it "fundamentally flawed" (CD/1998, September 2014): no verification, no ground-based ASATs;
 * - China and Russia back the no-first-placement pledge (UNGA 69/32, December 2014);
 * - the US flies the Russian RD-180 engine on Atlas V; the Wolf Amendment (2011) bars NASA–China work;
 * - China tested a direct-ascent ASAT in 2007 and the US shot down its USA-193 satellite in 2008; the US has
 *   had missile defence since 2004 (GMD); the partnership deepened after the 2014 Ukraine crisis.
 * Levels are the game's abstractions, set so that the US leads in satellites and sensors, Russia in launch and
 * jamming, and China grows fastest.
 */
const CAPABILITIES: Record<Delegation, Capabilities> = {
  us: {
    satellites: { leo: 6, meo: 3, geo: 4 },
    counterspace: { jamming: 2, laser: 1, coOrbital: 1, directAscent: 1 },
    missileWarning: 4,
    missileDefence: 1, // Ground-based Midcourse Defense, from 2004 (30 interceptors by 2015)
    launch: 3,
    lunar: 20,
    ssa: 4,
  },
  china: {
    satellites: { leo: 4, meo: 2, geo: 2 },
    counterspace: { jamming: 2, laser: 1, coOrbital: 1, directAscent: 2 },
    missileWarning: 1,
    missileDefence: 0,
    launch: 3,
    lunar: 25,
    ssa: 2,
  },
  russia: {
    satellites: { leo: 3, meo: 2, geo: 2 },
    counterspace: { jamming: 3, laser: 1, coOrbital: 1, directAscent: 1 },
    missileWarning: 3,
    missileDefence: 0, // Moscow's A-135 is left out: a fixed site the ABM Treaty allowed, not a new shield
    launch: 4,
    lunar: 10,
    ssa: 3,
  },
};

const INCOME: Record<Delegation, number> = { us: 10, china: 8, russia: 7 };
const PRESTIGE: Record<Delegation, number> = { us: 70, china: 45, russia: 55 };
const LEGITIMACY: Record<Delegation, number> = { us: 55, china: 55, russia: 50 };
const THREAT: Record<Delegation, Partial<Record<Delegation, number>>> = {
  us: { china: 45, russia: 45 },
  china: { us: 55, russia: 15 },
  russia: { us: 55, china: 20 },
};

/**
 * The destructive direct-ascent ASAT tests the world saw before 2015, by year: China's Fengyun-1C (January 2007)
 * and the US's intercept of its failing USA-193 satellite (February 2008).
 */
const SHOWN_ASAT: Partial<Record<Delegation, number>> = { china: 2007, us: 2008 };

function delegation(d: Delegation, objectives: string[]): DelegationState {
  return {
    budget: INCOME[d],
    income: INCOME[d],
    earmarked: 0,
    capabilities: structuredClone(CAPABILITIES[d]),
    threat: { ...THREAT[d] },
    prestige: PRESTIGE[d],
    legitimacy: LEGITIMACY[d],
    objectives,
    commitments:
      d === 'us'
        ? []
        : [
            {
              round: 0,
              kind: 'sponsor',
              pledge: 'noFirstPlacement',
              text: 'Sponsored the revised PPWT (CD/1985, 2014)',
            },
          ],
    incidentsThisRound: 0,
    shownAsat: SHOWN_ASAT[d] !== undefined,
  };
}

/** A fresh world: the 2015 record, the seed's generator, and the secret objectives already dealt. */
export function startingWorld(
  seed: number,
  years: readonly number[],
  objectives: Record<Delegation, string[]>,
): World {
  return {
    round: 0,
    year: years[0],
    rng: seedRng(seed),
    tension: 35,
    debris: 25,
    cascade: false,
    drafts: {
      ppwt: {
        momentum: 35,
        tabled: true,
        sponsors: ['china', 'russia'],
        clauses: { verification: false, groundBasedAsat: false, definitions: true },
        amendments: [],
        adoptedRound: undefined,
        signatures: [],
        parties: [], // no text is in force in 2015 (the Outer Space Treaty is not modelled)
      },
      tcbm: {
        momentum: 25,
        tabled: false,
        sponsors: [],
        clauses: { verification: false, groundBasedAsat: false, definitions: false },
        amendments: [],
        adoptedRound: undefined,
        signatures: [],
        parties: [],
      },
      verification: {
        momentum: 10,
        tabled: false,
        sponsors: [],
        clauses: { verification: true, groundBasedAsat: false, definitions: false },
        amendments: [],
        adoptedRound: undefined,
        signatures: [],
        parties: [],
      },
    },
    measures: { noFirstPlacement: { endorsers: ['china', 'russia'], proposedRound: 0 } },
    resolutions: [],
    alignment: 40,
    lunar: { artemis: { members: [], partners: 0 }, ilrs: { members: [], partners: 0 } },
    delegations: Object.fromEntries(DELEGATIONS.map((d) => [d, delegation(d, objectives[d])])) as Record<
      Delegation,
      DelegationState
    >,
    sanctions: [{ by: 'us', target: 'china', kind: 'wolfAmendment', roundsLeft: undefined, incomeTaken: 0 }],
    deals: [{ parties: ['us', 'russia'], deal: 'rocketEngines', roundsLeft: 3, seller: 'russia' }],
    covert: [],
    incidents: [],
    violations: [],
    gaps: [],
    changes: [],
    story: [],
    cards: [],
    nextId: 1,
  };
}

/** The year the starting world's record runs to: it holds what happened before 2015, and nothing later. */
export const RECORD_AS_OF = 2015;

/** Something the starting world holds from the record, the year it happened, and how a start leaves it out. */
export interface HeldEvent {
  year: number;
  what: string; // "the Wolf Amendment (2011)"
  leftOut: (start: StartOverrides) => boolean;
}

/**
 * What the 2015 starting world holds from the record, dated. A scenario that starts as of a year no later than
 * one of these must leave it out (content:check says which), so an early world never holds what came later.
 */
export const STARTING_RECORD: readonly HeldEvent[] = [
  {
    year: 2007,
    what: 'the Fengyun-1C debris cloud (2007), in the starting debris of 25: set `debris` below 25',
    leftOut: (s) => s.debris !== undefined && s.debris < 25,
  },
  {
    year: 2008,
    what: 'the PPWT on the table (CD/1839, 2008; revised as CD/1985, 2014): set `ppwtTabled` to false',
    leftOut: (s) => s.ppwtTabled === false,
  },
  {
    year: 2011,
    what: 'the Wolf Amendment (2011): set `wolfAmendment` to false',
    leftOut: (s) => s.wolfAmendment === false,
  },
  {
    year: 2014,
    what: "China's and Russia's no-first-placement pledge (UNGA 69/32, 2014): set `noFirstPlacement` to false",
    leftOut: (s) => s.noFirstPlacement === false,
  },
  {
    year: 2014,
    what: 'the partnership deepened after the 2014 Ukraine crisis, alignment 40: set `alignment` below 40',
    leftOut: (s) => s.alignment !== undefined && s.alignment < 40,
  },
];

/** Gives a fresh world a scenario's starting values, leaving out what the scenario's start cannot hold yet. */
export function applyStart(w: World, start: StartOverrides | undefined): void {
  if (!start) return;
  // A capability shown in a test is held only from the test on; `asOf` alone leaves it out of an earlier start.
  const asOf = start.asOf ?? RECORD_AS_OF;
  for (const d of DELEGATIONS) {
    const shown = SHOWN_ASAT[d];
    if (shown !== undefined && asOf <= shown) w.delegations[d].shownAsat = false;
  }
  if (start.tension !== undefined) w.tension = start.tension;
  if (start.debris !== undefined) w.debris = start.debris;
  if (start.alignment !== undefined) w.alignment = start.alignment;
  for (const [id, m] of Object.entries(start.momentum ?? {}))
    if (m !== undefined) w.drafts[id as DraftId].momentum = m;
  if (start.ppwtTabled === false) {
    w.drafts.ppwt = { ...w.drafts.ppwt, tabled: false, sponsors: [] };
    for (const d of DELEGATIONS) w.delegations[d].commitments = [];
  }
  if (start.noFirstPlacement === false) delete w.measures.noFirstPlacement;
  if (start.wolfAmendment === false)
    w.sanctions = w.sanctions.filter(
      (s) => !(s.kind === 'wolfAmendment' && s.by === 'us' && s.target === 'china'),
    );
}
