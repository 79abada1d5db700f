import {
  CAPABILITY_NAMES,
  DELEGATION_IN_FULL,
  DELEGATION_IN_SENTENCE,
  DELEGATION_NAMES,
  DELEGATION_POSSESSIVE,
  DRAFT_SHORT,
  LUNAR_BLOC_SHORT,
} from '../content/labels.ts';
import type { DraftId, LunarBloc } from './model.ts';

/**
 * Names the rules use in causes and menus come from the one table of labels (shared/content/labels.ts); they are
 * re-exported here for the rules' own modules. This file writes change targets in words.
 */
export {
  CAPABILITY_NAMES,
  CLAUSE_NAMES,
  DRAFT_NAMES,
  DRAFT_SHORT,
  TCBM_NAMES,
  TOPIC_NAMES,
  WEAPON_NAMES,
} from '../content/labels.ts';

const WHO = DELEGATION_IN_SENTENCE as Record<string, string>;
const OWNER = DELEGATION_POSSESSIVE as Record<string, string>;
const FULL = DELEGATION_IN_FULL as Record<string, string>;
const FULL_TITLE = DELEGATION_NAMES as Record<string, string>;

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
      return `${LUNAR_BLOC_SHORT[a as LunarBloc] ?? a} partners`;
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
  if (head === 'lunarPartners') return `${LUNAR_BLOC_SHORT[a as LunarBloc] ?? a} partners`;
  return `${LABEL_HEADS[head] ?? head} of ${FULL[a] ?? a}`;
}
