import type { Delegation } from '../model/seats.ts';
import type { World } from './model.ts';
import { security } from './security.ts';

/** A secret objective: what a delegation is quietly asked to achieve, and how the end of the game checks it. */
export interface Objective {
  id: string;
  for: Delegation;
  text: string;
  met: (w: World) => boolean;
}

export const OBJECTIVES: readonly Objective[] = [
  {
    id: 'us-lead',
    for: 'us',
    text: 'End the game with more security than China and than Russia.',
    met: (w) => security(w, 'us') > Math.max(security(w, 'china'), security(w, 'russia')),
  },
  {
    id: 'us-verifiable',
    for: 'us',
    text: 'Do not let the US become a party to a PPWT without a verification mechanism.',
    met: (w) => !w.drafts.ppwt.parties.includes('us') || w.drafts.ppwt.clauses.verification,
  },
  {
    id: 'us-artemis',
    for: 'us',
    text: 'Bring 10 or more partners into the Artemis Accords.',
    met: (w) => w.lunar.artemis.members.includes('us') && w.lunar.artemis.partners >= 10,
  },
  { id: 'us-split', for: 'us', text: 'Keep China–Russia alignment below 50.', met: (w) => w.alignment < 50 },
  {
    id: 'china-ilrs',
    for: 'china',
    text: 'Bring 6 or more partners into the lunar research station (ILRS).',
    met: (w) => w.lunar.ilrs.members.includes('china') && w.lunar.ilrs.partners >= 6,
  },
  {
    id: 'china-record',
    for: 'china',
    text: 'Get the PPWT adopted, or end with more UN legitimacy than the US.',
    met: (w) =>
      w.drafts.ppwt.adoptedRound !== undefined ||
      w.delegations.china.legitimacy > w.delegations.us.legitimacy,
  },
  {
    id: 'china-warning',
    for: 'china',
    text: 'Reach missile-warning level 3.',
    met: (w) => w.delegations.china.capabilities.missileWarning >= 3,
  },
  {
    id: 'china-moon',
    for: 'china',
    text: 'End with a lunar programme ahead of the US.',
    met: (w) => w.delegations.china.capabilities.lunar > w.delegations.us.capabilities.lunar,
  },
  {
    id: 'russia-partner',
    for: 'russia',
    text: 'Deepen China–Russia alignment to 70 or more.',
    met: (w) => w.alignment >= 70,
  },
  {
    id: 'russia-engines',
    for: 'russia',
    text: 'End with a rocket-engine deal running.',
    met: (w) => w.deals.some((d) => d.deal === 'rocketEngines' && d.parties.includes('russia')),
  },
  {
    id: 'russia-weight',
    for: 'russia',
    text: 'End with security of 55 or more.',
    met: (w) => security(w, 'russia') >= 55,
  },
  {
    id: 'russia-treaty',
    for: 'russia',
    text: 'Bring the PPWT to momentum 60 or adoption.',
    met: (w) => w.drafts.ppwt.adoptedRound !== undefined || w.drafts.ppwt.momentum >= 60,
  },
];

export function objective(id: string): Objective | undefined {
  return OBJECTIVES.find((o) => o.id === id);
}
