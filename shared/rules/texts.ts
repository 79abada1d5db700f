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
const FULL: Record<string, string> = { us: 'the United States', china: 'China', russia: 'Russia' };
const FULL_TITLE: Record<string, string> = { us: 'United States', china: 'China', russia: 'Russia' };

/** A capability in words, by its path under `capability.<delegation>.` ("satellites.leo", "ssa"): one table. */
export const CAPABILITY_NAMES: Record<string, string> = {
  'satellites.leo': 'satellites in low orbit',
  'satellites.meo': 'satellites in medium orbit',
  'satellites.geo': 'satellites in geostationary orbit',
  'counterspace.jamming': 'jammers',
  'counterspace.laser': 'ground-based lasers',
  'counterspace.coOrbital': 'co-orbital inspectors',
  'counterspace.directAscent': 'direct-ascent ASAT missiles',
  missileWarning: 'missile warning',
  missileDefence: 'missile defence',
  launch: 'launch capability',
  ssa: 'space situational awareness',
  lunar: 'lunar programme',
};

const capability = (path: string) =>
  CAPABILITY_NAMES[path] ?? path.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** A change target inside a sentence: "tension", "the US's threat perception of China", "China's jammers (level)". */
export function targetName(target: string): string {
  const [head = '', a = '', ...rest] = target.split('.');
  const b = rest[0] ?? '';
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
      return `${OWNER[a] ?? a} ${capability(rest.join('.'))}${b === 'counterspace' ? ' (level)' : ''}`;
    default:
      return target;
  }
}

const LABEL_HEADS: Record<string, string> = {
  prestige: 'Prestige',
  legitimacy: 'Legitimacy',
  income: 'Income',
  security: 'Security',
  budget: 'Budget',
};

/** A change target as a label in a list: "Tension", "Threat felt by the United States from Russia". */
export function targetLabel(target: string): string {
  const [head = '', a = '', ...rest] = target.split('.');
  const b = rest[0] ?? '';
  if (head === 'tension' || head === 'debris') return head === 'tension' ? 'Tension' : 'Debris';
  if (head === 'alignment') return 'China–Russia alignment';
  if (head === 'threat') return `Threat felt by ${FULL[a] ?? a} from ${FULL[b] ?? b}`;
  if (head === 'draft') return `${DRAFT_SHORT[a as DraftId] ?? a} momentum`;
  if (head === 'capability') return `${FULL_TITLE[a] ?? a}: ${capability(rest.join('.'))}`;
  if (head === 'lunarPartners') return `${a === 'artemis' ? 'Artemis' : 'ILRS'} partners`;
  return `${LABEL_HEADS[head] ?? head} of ${FULL[a] ?? a}`;
}
