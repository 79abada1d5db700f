import { DELEGATIONS, type Delegation } from '../model/seats.ts';
import type {
  Capabilities,
  Change,
  Commitment,
  Gap,
  Incident,
  RevealedCard,
  StoryLine,
  Violation,
  World,
} from './model.ts';
import { objective } from './objectives.ts';
import { allScores } from './score.ts';
import { knownCapabilities, type SecurityTerm, security, securityTerms } from './security.ts';

/** An incident as a viewer knows it: the true cause only for the teacher, the attacker, and at the end. */
export type IncidentView = Omit<Incident, 'cause'> & { cause: Incident['cause'] | undefined };

/** Who is looking: a delegation, the class (projector and observers), or the teacher. */
export type Viewer = Delegation | 'public' | 'teacher';

/** What only a delegation itself (and the teacher) knows about it. */
export interface DelegationSecrets {
  budget: number;
  earmarked: number;
  income: number;
  security: number;
  securityTerms: SecurityTerm[];
  threat: Partial<Record<Delegation, number>>;
  objectives: { id: string; text: string; met: boolean }[];
}

/** The world as one viewer may see it: public indicators for all, secrets only for their owners. */
export interface WorldView {
  round: number;
  year: number | undefined;
  tension: number;
  debris: number;
  cascade: boolean;
  alignment: number;
  drafts: World['drafts'];
  measures: World['measures'];
  resolutions: World['resolutions'];
  lunar: World['lunar'];
  sanctions: World['sanctions'];
  deals: World['deals'];
  delegations: Record<
    Delegation,
    { prestige: number; legitimacy: number; capabilities: Capabilities; commitments: Commitment[] }
  >;
  secrets: Partial<Record<Delegation, DelegationSecrets>>; // own delegation's; all for the teacher and at the end
  incidents: IncidentView[];
  violations: Violation[];
  gaps: Gap[];
  changes: Change[]; // the last resolved round's, as far as the viewer may see them
  story: StoryLine[];
  cards: RevealedCard[]; // event cards revealed so far; teacher notes only for the teacher
  scores: ReturnType<typeof allScores> | undefined; // for the teacher, and for everyone at the end
}

const sees = (visibleTo: 'all' | Delegation[], viewer: Viewer) =>
  viewer === 'teacher' || visibleTo === 'all' || (viewer !== 'public' && visibleTo.includes(viewer));

/**
 * Whether `viewer` may see a change. A change to a delegation's secret (its threat perception, security or
 * income: "threat.china.us") that the rules made visible to all shows only to that delegation, since its `after`
 * would give the secret away; the rules may still name who else knows (the actor, in the security dilemma).
 */
function seesChange(c: Change, viewer: Viewer): boolean {
  if (!sees(c.visibleTo, viewer)) return false;
  const [head, owner] = c.target.split('.');
  const secret = head === 'threat' || head === 'security' || head === 'income';
  return !secret || viewer === 'teacher' || c.visibleTo !== 'all' || owner === viewer;
}

/** The victim's accusation is public (it is made in the open); what the attacker knows of itself is not. */
const accused = (i: Incident) => i.belief[i.victim]?.kind === 'attack';

function secretsOf(w: World, d: Delegation, truth: boolean): DelegationSecrets {
  const me = w.delegations[d];
  return {
    budget: me.budget,
    earmarked: me.earmarked,
    income: me.income,
    security: security(w, d, !truth),
    securityTerms: securityTerms(w, d, !truth),
    threat: { ...me.threat },
    objectives: me.objectives.map((id) => {
      const o = objective(id);
      return { id, text: o?.text ?? id, met: o ? o.met(w) : false };
    }),
  };
}

/**
 * Removes what `viewer` may not know. `revealAll` (the session has ended) opens everything for the debrief:
 * secrets, true causes, undetected breaches and scores.
 */
export function viewFor(w: World, viewer: Viewer, revealAll = false): WorldView {
  const v: Viewer = revealAll ? 'teacher' : viewer;
  const all = v === 'teacher';
  const delegations = Object.fromEntries(
    DELEGATIONS.map((d) => [
      d,
      {
        prestige: w.delegations[d].prestige,
        legitimacy: w.delegations[d].legitimacy,
        capabilities: knownCapabilities(w, d, v),
        commitments: w.delegations[d].commitments,
      },
    ]),
  ) as WorldView['delegations'];
  const secrets: WorldView['secrets'] = {};
  for (const d of DELEGATIONS) if (all || v === d) secrets[d] = secretsOf(w, d, all);
  const incidents = w.incidents
    .filter(
      (i) =>
        all ||
        (v !== 'public' && (i.victim === v || (i.cause.kind === 'attack' && i.cause.by === v))) ||
        accused(i),
    )
    .map((i) => (all ? i : hideCause(i, v)));
  return {
    round: w.round,
    year: w.year,
    tension: w.tension,
    debris: w.debris,
    cascade: w.cascade,
    alignment: w.alignment,
    drafts: w.drafts,
    measures: w.measures,
    resolutions: w.resolutions,
    lunar: w.lunar,
    sanctions: w.sanctions,
    deals: w.deals,
    delegations,
    secrets,
    incidents,
    violations: w.violations.filter((x) => all || x.detectedBy.length > 0 || x.by === v),
    gaps: w.gaps.filter((g) => all || g.by === v),
    changes: w.changes.filter(
      (c) =>
        (c.round === w.round || (c.round === w.round + 1 && c.source.kind === 'card')) && seesChange(c, v),
    ), // the last resolution's, and the cards already played in the round under way
    // Live views carry the story of the last two rounds (what the screens show); the end and the log have it all.
    story: w.story.filter((s) => (revealAll || s.round >= w.round - 1) && sees(s.visibleTo, v)),
    cards: w.cards
      .filter((c) => all || !c.audience || w.round >= c.round || (v !== 'public' && c.audience.includes(v)))
      // Teacher notes stay the teacher's, even when the end reveals everything else.
      .map((c) => (viewer === 'teacher' ? c : { ...c, card: { ...c.card, teacherNotes: '' } })),
    scores: all ? allScores(w) : undefined,
  };
}

/** An incident as a non-omniscient viewer knows it: its own belief, and the public accusation, not the truth. */
function hideCause(i: Incident, v: Viewer): IncidentView {
  const attacker = i.cause.kind === 'attack' && i.cause.by === v;
  const belief: Incident['belief'] = {};
  for (const d of DELEGATIONS) {
    const b = i.belief[d];
    if (b && (d === v || (d === i.victim && accused(i)))) belief[d] = b;
  }
  return { ...i, cause: attacker ? i.cause : undefined, belief };
}

export const ALIGNMENT_LABELS: readonly [number, string][] = [
  [0, 'buyer–seller relationship'],
  [20, 'strategic partnership'],
  [40, 'comprehensive strategic partnership'], // the 2011–14 upgrade: where the campaign starts
  [70, 'comprehensive partnership for a new era'], // the 2019 title
  [90, 'de facto alliance'], // never reached in the record
];

export function alignmentLabel(alignment: number): string {
  let label = ALIGNMENT_LABELS[0]?.[1] ?? '';
  for (const [from, text] of ALIGNMENT_LABELS) if (alignment >= from) label = text;
  return label;
}
