import type { Delegation } from '../model/seats.ts';
import type { World } from './model.ts';
import { security } from './security.ts';
import { OBJECTIVE } from './tuning.ts';

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
    text: `End the game with security at least ${OBJECTIVE.usLeadMargin} above China's and above Russia's.`,
    met: (w) =>
      security(w, 'us') - Math.max(security(w, 'china'), security(w, 'russia')) >= OBJECTIVE.usLeadMargin,
  },
  {
    id: 'us-verifiable',
    for: 'us',
    text: 'Get a verification mechanism written into the PPWT, as the US asked in 2014 (CD/1998).',
    met: (w) => w.drafts.ppwt.clauses.verification,
  },
  {
    id: 'us-artemis',
    for: 'us',
    text: `Bring ${OBJECTIVE.artemisPartners} or more partners into the Artemis Accords.`,
    met: (w) =>
      w.lunar.artemis.members.includes('us') && w.lunar.artemis.partners >= OBJECTIVE.artemisPartners,
  },
  {
    id: 'us-split',
    for: 'us',
    text: `Keep China–Russia alignment below ${OBJECTIVE.splitBelow}.`,
    met: (w) => w.alignment < OBJECTIVE.splitBelow,
  },
  {
    id: 'china-ilrs',
    for: 'china',
    text: `Bring ${OBJECTIVE.ilrsPartners} or more partners into the lunar research station (ILRS).`,
    met: (w) => w.lunar.ilrs.members.includes('china') && w.lunar.ilrs.partners >= OBJECTIVE.ilrsPartners,
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
    text: `Reach missile-warning level ${OBJECTIVE.chinaWarning}.`,
    met: (w) => w.delegations.china.capabilities.missileWarning >= OBJECTIVE.chinaWarning,
  },
  {
    id: 'china-moon',
    for: 'china',
    text: `End with a lunar programme of ${OBJECTIVE.chinaMoon} or more, level with the US's or ahead of it.`,
    met: (w) => {
      const { china, us } = w.delegations;
      return (
        china.capabilities.lunar >= OBJECTIVE.chinaMoon && china.capabilities.lunar >= us.capabilities.lunar
      );
    },
  },
  {
    id: 'russia-partner',
    for: 'russia',
    text: `Deepen China–Russia alignment to ${OBJECTIVE.partnerAlignment} or more.`,
    met: (w) => w.alignment >= OBJECTIVE.partnerAlignment,
  },
  {
    id: 'russia-status',
    for: 'russia',
    text: `Stay a space power others reckon with: end with prestige of ${OBJECTIVE.russiaPrestige} or more.`,
    met: (w) => w.delegations.russia.prestige >= OBJECTIVE.russiaPrestige,
  },
  {
    id: 'russia-weight',
    for: 'russia',
    text: `End with security of ${OBJECTIVE.russiaSecurity} or more.`,
    met: (w) => security(w, 'russia') >= OBJECTIVE.russiaSecurity,
  },
  {
    id: 'russia-treaty',
    for: 'russia',
    text: `Bring the PPWT to momentum ${OBJECTIVE.treatyMomentum} or adoption.`,
    met: (w) =>
      w.drafts.ppwt.adoptedRound !== undefined || w.drafts.ppwt.momentum >= OBJECTIVE.treatyMomentum,
  },
];

export function objective(id: string): Objective | undefined {
  return OBJECTIVES.find((o) => o.id === id);
}
