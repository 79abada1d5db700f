// Frozen: rules version 1, copied from shared/rules/texts.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
import type { Clause, DraftId, ResolutionTopic, TcbmId } from './model.ts';

/** Names the rules use in causes and menus. Written for students; the sources are in docs/rules.md. */
export const DRAFT_NAMES: Record<DraftId, string> = {
  ppwt: 'the PPWT (treaty on the prevention of the placement of weapons in outer space)',
  tcbm: 'the code of conduct on transparency and confidence-building',
  verification: 'the verification protocol',
};
export const DRAFT_SHORT: Record<DraftId, string> = {
  ppwt: 'PPWT',
  tcbm: 'code of conduct',
  verification: 'verification protocol',
};

export const CLAUSE_NAMES: Record<Clause, string> = {
  verification: 'a verification mechanism',
  groundBasedAsat: 'a ban on ground-based (direct-ascent) ASAT weapons',
  definitions: 'agreed definitions of a space weapon',
};

export const TCBM_NAMES: Record<TcbmId, string> = {
  launchNotification: 'advance notice of launches',
  rendezvousNotice: 'notice before close approaches to others’ satellites',
  hotline: 'a space hotline between capitals',
  noFirstPlacement: 'a pledge of no first placement of weapons in orbit',
};

export const TOPIC_NAMES: Record<ResolutionTopic, string> = {
  parosMeasures: 'further measures for the prevention of an arms race in outer space',
  noFirstPlacement: 'no first placement of weapons in outer space',
  responsibleBehaviours: 'norms of responsible behaviour in space',
  asatTestBan: 'a halt to destructive direct-ascent ASAT tests',
};

export const WEAPON_NAMES = {
  jamming: 'jammers',
  laser: 'a ground-based laser',
  coOrbital: 'a co-orbital inspector ("nesting doll")',
  directAscent: 'a direct-ascent ASAT missile',
} as const;
