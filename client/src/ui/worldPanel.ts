import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { CRISIS_AT, CASCADE_AT } from '../../../shared/rules/security.ts';
import {
  CLAUSE_NAMES,
  DRAFT_SHORT,
  TCBM_NAMES,
  TOPIC_NAMES,
  targetLabel,
} from '../../../shared/rules/texts.ts';
import { alignmentLabel, type DelegationSecrets, type WorldView } from '../../../shared/rules/views.ts';
import { ADOPTION_AT } from '../../../shared/rules/diplomacy.ts';
import { fill, h } from './dom.ts';
import { points } from './format.ts';
import './desk.css';

/** "Tension", "Threat felt by the United States from Russia": a change target in words, from the one table in shared/. */
export const targetName = targetLabel;

function meter(label: string, value: number, note: string) {
  return h(
    'div',
    { class: 'meter' },
    h('span', { class: 'meter-label' }, label),
    h('meter', { min: 0, max: 100, value, 'aria-label': `${label}: ${value} of 100` }),
    h('span', { class: 'meter-value' }, `${value}`),
    h('span', { class: 'hint' }, note),
  );
}

/** The always-visible indicators: tension, debris, alignment. */
export function indicators(w: WorldView) {
  return h(
    'div',
    { class: 'indicators', 'aria-label': 'Indicators' },
    meter('Tension', w.tension, w.tension >= CRISIS_AT ? 'crisis' : `crisis at ${CRISIS_AT}`),
    meter('Debris', w.debris, w.cascade ? 'cascade under way' : `cascade at ${CASCADE_AT}`),
    meter('China–Russia alignment', w.alignment, alignmentLabel(w.alignment)),
  );
}

/** What the last resolution did, in words: the story and every change with its cause. */
export function lastRound(w: WorldView) {
  const changeList = (list: WorldView['changes'], label: string) =>
    list.length
      ? h(
          'details',
          {},
          h('summary', {}, `${label} (${list.length})`),
          h(
            'ul',
            { class: 'changes' },
            ...list.map((c) =>
              h(
                'li',
                {},
                h('strong', {}, `${targetName(c.target)} ${c.delta > 0 ? '+' : ''}${c.delta}`),
                ` (now ${c.after}): ${c.cause}`,
              ),
            ),
          ),
        )
      : undefined;
  const story = w.story.filter((s) => s.round === w.round);
  const now = w.story.filter((s) => s.round === w.round + 1);
  return h(
    'section',
    { class: 'last-round', 'aria-labelledby': 'last-round-title' },
    now.length
      ? h(
          'div',
          {},
          h('h3', {}, `So far in round ${w.round + 1}`),
          h('ul', { class: 'story' }, ...now.map((s) => h('li', {}, s.text))),
          changeList(
            w.changes.filter((c) => c.round === w.round + 1),
            'What the cards changed',
          ),
        )
      : undefined,
    h(
      'h3',
      { id: 'last-round-title' },
      w.round === 0 ? 'Before round 1' : `What happened in round ${w.round}`,
    ),
    story.length
      ? h('ul', { class: 'story' }, ...story.map((s) => h('li', {}, s.text)))
      : h(
          'p',
          { class: 'empty' },
          w.round === 0 ? 'The first resolution comes at the end of round 1.' : 'Nothing.',
        ),
    changeList(
      w.changes.filter((c) => c.round === w.round),
      'Every change and its cause',
    ),
  );
}

const listed = (ds: readonly Delegation[]) => ds.map((p) => DELEGATION_NAMES[p]).join(', ') || 'none';

/**
 * The Conference on Disarmament: each text's momentum, sponsors, clauses and amendments waiting for the sponsors;
 * an adopted text's signatories and parties; measures; resolutions.
 */
export function chamber(w: WorldView) {
  const pending = w.resolutions.filter((r) => !r.result && r.proposedRound === w.round);
  const measures = Object.entries(w.measures).filter(([, m]) => m && m.endorsers.length > 0);
  return h(
    'section',
    { class: 'chamber', 'aria-labelledby': 'chamber-title' },
    h('h3', { id: 'chamber-title' }, 'At the Conference on Disarmament'),
    h(
      'ul',
      {},
      ...Object.entries(w.drafts).map(([id, d]) =>
        h(
          'li',
          {},
          h('strong', {}, DRAFT_SHORT[id as 'ppwt']),
          d.adoptedRound !== undefined
            ? ` adopted in round ${d.adoptedRound}, open for signature; signed by: ${listed((d.signatures ?? []).map((x) => x.by))}; ratified, so bound (parties): ${listed(d.parties)}`
            : ` ${d.tabled ? 'tabled' : 'not tabled'}, momentum ${d.momentum} (adoption from ${ADOPTION_AT})${d.sponsors.length ? `; sponsors: ${listed(d.sponsors)}` : ''}`,
          id === 'ppwt'
            ? `; has ${
                Object.entries(d.clauses)
                  .filter(([, v]) => v)
                  .map(([k]) => CLAUSE_NAMES[k as 'verification'])
                  .join(', ') || 'no agreed clauses'
              }`
            : '',
          // Old states (rules v1) have no amendments field.
          ...(d.amendments ?? []).map((a) =>
            h(
              'span',
              { class: 'amendment' },
              `; waiting for the sponsors' answer: ${DELEGATION_NAMES[a.by]}'s amendment adding ${CLAUSE_NAMES[a.clause]}`,
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      {},
      'Measures: ',
      measures.length
        ? measures
            .map(
              ([id, m]) =>
                `${TCBM_NAMES[id as 'hotline']} (${m?.endorsers.map((e) => DELEGATION_NAMES[e]).join(', ')}${(m?.endorsers.length ?? 0) >= 2 ? ', in force' : ''})`,
            )
            .join('; ')
        : 'none yet.',
    ),
    pending.length
      ? h(
          'p',
          {},
          'Up for a vote this round: ',
          pending.map((r) => `${r.id}: ${TOPIC_NAMES[r.topic]}`).join('; '),
        )
      : undefined,
    ...w.resolutions
      .filter((r) => r.result)
      .slice(-3)
      .map((r) =>
        h(
          'p',
          {},
          `Resolution on ${TOPIC_NAMES[r.topic]}: ${r.result?.adopted ? 'adopted' : 'rejected'} ${r.result?.yes}–${r.result?.no}, ${r.result?.abstain} abstaining.`,
        ),
      ),
  );
}

/** Capabilities as this viewer knows them, one row a delegation. */
export function capabilities(w: WorldView) {
  return h(
    'table',
    { class: 'caps' },
    h('caption', {}, 'Capabilities (as far as you know)'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[
          'Delegation',
          'Satellites LEO/MEO/GEO',
          'Jam',
          'Laser',
          'Co-orbital',
          'Direct-ascent',
          'Warning',
          'Missile defence',
          'Launch',
          'SSA',
          'Lunar',
          'Prestige',
          'Legitimacy',
        ].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...DELEGATIONS.map((d) => {
        const x = w.delegations[d];
        const c = x.capabilities;
        return h(
          'tr',
          {},
          h('th', { scope: 'row' }, DELEGATION_NAMES[d]),
          ...[
            `${c.satellites.leo}/${c.satellites.meo}/${c.satellites.geo}`,
            c.counterspace.jamming,
            c.counterspace.laser,
            c.counterspace.coOrbital,
            c.counterspace.directAscent,
            c.missileWarning,
            c.missileDefence,
            c.launch,
            c.ssa,
            c.lunar,
            x.prestige,
            x.legitimacy,
          ].map((v) => h('td', {}, String(v))),
        );
      }),
    ),
  );
}

/** A delegation's private dashboard: budget, security and what feeds it, fears, secret objectives. */
export function secrets(name: string, s: DelegationSecrets) {
  return h(
    'section',
    { class: 'secrets', 'aria-label': `${name}: private` },
    h('h3', {}, `${name}: only your delegation sees this`),
    h(
      'p',
      {},
      `Budget this round: ${points(s.budget)}${s.earmarked ? ` (${s.earmarked} earmarked for military space)` : ''}. Income ${points(s.income)} a round.`,
    ),
    h(
      'p',
      {},
      `Security: ${s.security} — `,
      s.securityTerms.map((t) => `${t.term} ${t.value > 0 ? '+' : ''}${t.value}`).join(', '),
    ),
    h(
      'p',
      {},
      'Threat you feel: ',
      Object.entries(s.threat)
        .map(([d, v]) => `${DELEGATION_NAMES[d as 'us']} ${v}`)
        .join(', '),
    ),
    h('p', {}, 'Secret objectives:'),
    h(
      'ul',
      {},
      ...s.objectives.map((o) => h('li', {}, `${o.text} ${o.met ? '(met now)' : '(not met yet)'}`)),
    ),
  );
}

/** The end: every score, part by part. */
export function scores(w: WorldView) {
  if (!w.scores) return undefined;
  const sc = w.scores;
  return h(
    'section',
    { class: 'scores', 'aria-labelledby': 'scores-title' },
    h('h3', { id: 'scores-title' }, 'Scores'),
    h(
      'ul',
      {},
      ...DELEGATIONS.map((d) =>
        h(
          'li',
          {},
          h('strong', {}, `${DELEGATION_NAMES[d]}: ${sc.national[d].total}`),
          ' — ',
          sc.national[d].parts.map((p) => `${p.part} ${p.points}`).join('; '),
        ),
      ),
      h(
        'li',
        {},
        h('strong', {}, `Global commons (shared): ${sc.commons.total}`),
        ' — ',
        sc.commons.parts.map((p) => `${p.part} ${p.points}`).join('; '),
      ),
    ),
    w.gaps.length
      ? h(
          'details',
          {},
          h('summary', {}, `Words and deeds (${w.gaps.length})`),
          h(
            'ul',
            {},
            ...w.gaps.map((g) =>
              h('li', {}, `Round ${g.round}, ${DELEGATION_NAMES[g.by]}: said “${g.said}”, then ${g.did}.`),
            ),
          ),
        )
      : undefined,
  );
}

/** A panel that redraws itself only when the world it shows changes, and is hidden while there is none. */
export function worldPanel(title: string) {
  const root = h('section', { class: 'card world', 'aria-label': title, hidden: true });
  let shown: unknown;
  return {
    root,
    update(w: WorldView | undefined, own?: { name: string; secrets: DelegationSecrets | undefined }) {
      if (w === shown) return;
      shown = w;
      root.hidden = !w;
      if (!w) return fill(root);
      fill(
        root,
        h('h2', {}, w.round === 0 ? `${title} at the start` : `${title} after round ${w.round}`),
        indicators(w),
        own?.secrets ? secrets(own.name, own.secrets) : undefined,
        scores(w),
        lastRound(w),
        chamber(w),
        h(
          'details',
          {},
          h('summary', {}, 'Capabilities'),
          // Twelve columns do not fit a phone: the table scrolls sideways in its own box, the page does not.
          h(
            'div',
            { class: 'caps-scroll', tabindex: 0, role: 'group', 'aria-label': 'Capabilities' },
            capabilities(w),
          ),
        ),
      );
    },
  };
}
