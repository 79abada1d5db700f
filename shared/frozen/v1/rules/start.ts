// Frozen: rules version 1, copied from shared/rules/start.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import type { Capabilities, DelegationState, World } from './model.ts';
import { seedRng } from './rng.ts';

/**
 * The world at the start of the campaign, read from the record as of early 2015:
 * - the revised PPWT (CD/1985, June 2014) is on the table, sponsored by China and Russia, and the US has called
 *   it "fundamentally flawed" (CD/1998, September 2014): no verification, no ground-based ASATs;
 * - China and Russia back the no-first-placement pledge (UNGA 69/32, December 2014);
 * - the US flies the Russian RD-180 engine on Atlas V; the Wolf Amendment (2011) bars NASA–China work;
 * - China tested a direct-ascent ASAT in 2007; the partnership deepened after the 2014 Ukraine crisis.
 * Levels are the game's abstractions, set so that the US leads in satellites and sensors, Russia in launch and
 * jamming, and China grows fastest.
 */
const CAPABILITIES: Record<Delegation, Capabilities> = {
  us: {
    satellites: { leo: 6, meo: 3, geo: 4 },
    counterspace: { jamming: 2, laser: 1, coOrbital: 1, directAscent: 1 },
    missileWarning: 4,
    launch: 3,
    lunar: 20,
    ssa: 4,
  },
  china: {
    satellites: { leo: 4, meo: 2, geo: 2 },
    counterspace: { jamming: 2, laser: 1, coOrbital: 1, directAscent: 2 },
    missileWarning: 1,
    launch: 3,
    lunar: 25,
    ssa: 2,
  },
  russia: {
    satellites: { leo: 3, meo: 2, geo: 2 },
    counterspace: { jamming: 3, laser: 1, coOrbital: 1, directAscent: 1 },
    missileWarning: 3,
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
        adoptedRound: undefined,
        parties: [],
      },
      tcbm: {
        momentum: 25,
        tabled: false,
        sponsors: [],
        clauses: { verification: false, groundBasedAsat: false, definitions: false },
        adoptedRound: undefined,
        parties: [],
      },
      verification: {
        momentum: 10,
        tabled: false,
        sponsors: [],
        clauses: { verification: true, groundBasedAsat: false, definitions: false },
        adoptedRound: undefined,
        parties: [],
      },
    },
    measures: { noFirstPlacement: { endorsers: ['china', 'russia'], proposedRound: 0 } },
    resolutions: [],
    alignment: 40,
    lunar: { artemis: { members: [], partners: 0 }, ilrs: { members: [], partners: 0 } },
    blocs: {
      western: {
        name: 'Western group',
        votes: 40,
        lean: { us: 25, china: -10, russia: -20 },
        likes: { parosMeasures: -5, noFirstPlacement: -20, responsibleBehaviours: 20, asatTestBan: 20 },
      },
      nam: {
        name: 'Non-Aligned Movement and G-21',
        votes: 120,
        lean: { us: -10, china: 10, russia: 0 },
        likes: { parosMeasures: 20, noFirstPlacement: 12, responsibleBehaviours: 5, asatTestBan: 10 },
      },
      others: {
        name: 'Other states',
        votes: 33,
        lean: { us: 0, china: 0, russia: -5 },
        likes: { parosMeasures: 5, noFirstPlacement: 0, responsibleBehaviours: 10, asatTestBan: 10 },
      },
    },
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
