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

const WHO: Record<string, string> = { us: 'the US', china: 'China', russia: 'Russia' };
const OWNER: Record<string, string> = { us: "the US's", china: "China's", russia: "Russia's" };
const CAPABILITY_NAMES: Record<string, string> = {
  missileWarning: 'missile warning',
  launch: 'launch capability',
  lunar: 'lunar programme',
  ssa: 'sensors (space situational awareness)',
};

const WEAPON_LEVELS: Record<string, string> = {
  jamming: 'jammer',
  laser: 'laser',
  coOrbital: 'co-orbital inspector',
  directAscent: 'direct-ascent missile',
};

/** A change target in words: "tension", "the US's threat perception of China", "China's LEO satellites". */
export function targetName(target: string): string {
  const [head = '', a = '', b = '', c = ''] = target.split('.');
  switch (head) {
    case 'tension':
    case 'debris':
      return head;
    case 'alignment':
      return 'China–Russia alignment';
    case 'prestige':
    case 'legitimacy':
    case 'security':
    case 'budget':
    case 'income':
      return `${OWNER[a] ?? a} ${head}`;
    case 'threat':
      return `${OWNER[a] ?? a} threat perception of ${WHO[b] ?? b}`;
    case 'draft':
      return `${DRAFT_SHORT[a as DraftId] ?? a} momentum`;
    case 'lunarPartners':
      return `${a === 'artemis' ? 'Artemis Accords' : 'ILRS'} partners`;
    case 'capability':
      if (b === 'satellites') return `${OWNER[a] ?? a} ${c.toUpperCase()} satellites`;
      if (b === 'counterspace') return `${OWNER[a] ?? a} ${WEAPON_LEVELS[c] ?? c} level`;
      return `${OWNER[a] ?? a} ${CAPABILITY_NAMES[b] ?? b}`;
    default:
      return target;
  }
}
