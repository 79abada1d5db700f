import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../../shared/model/seats.ts';
import { describeOrder } from '../../../shared/rules/describe.ts';
import { DRAFTS, type World } from '../../../shared/rules/model.ts';
import { orderCost } from '../../../shared/rules/orders.ts';
import { allScores } from '../../../shared/rules/score.ts';
import { DRAFT_NAMES, DRAFT_SHORT, TOPIC_NAMES } from '../../../shared/rules/texts.ts';
import { h } from '../ui/dom.ts';
import { targetName } from '../ui/worldPanel.ts';
import { type ChartSpec, lineChart, type Marker } from './chart.ts';
import { finalWorld, played, type Replay, type RoundRecord } from './model.ts';
import { recordTable } from './record.ts';
import { attributionTables } from './attribution.ts';
import { CREDIT_COLUMNS, whoDidWhat } from './credits.ts';
import { roleShortName } from '../ui/deskNow.ts';

/**
 * The debrief of a whole session, read from the folded log: how the indicators moved round by round, what each
 * delegation decided, where the game turned, and where words and deeds parted. Everything here is the whole
 * truth (the session is over, or the instructor is looking), computed with the shared rules.
 */

const name = (d: Delegation) => DELEGATION_NAMES[d];

/** A line of the debrief charts: a change target (when it has one, for its causes) and how to read it. */
interface Line {
  key: string; // the change target ("tension", "threat.us.china"), or "score.us"
  name: string;
  read: (w: World) => number;
}

const pairs = DELEGATIONS.flatMap((d) => DELEGATIONS.filter((e) => e !== d).map((e) => [d, e] as const));

export const CHARTS: { id: string; title: string; note: string; lines: Line[]; fixed: boolean }[] = [
  {
    id: 'indicators',
    title: 'Tension, debris and alignment',
    note: 'Tension is the arms-race index; a debris cascade starts at 70; alignment is China–Russia closeness.',
    fixed: true,
    lines: (['tension', 'debris', 'alignment'] as const).map((k) => ({
      key: k,
      name: targetName(k),
      read: (w: World) => w[k],
    })),
  },
  {
    id: 'threat',
    title: 'Threat perception',
    note: 'How threatening each delegation found each other one (secret during play).',
    fixed: true,
    lines: pairs.map(([d, e]) => ({
      key: `threat.${d}.${e}`,
      name: targetName(`threat.${d}.${e}`),
      read: (w: World) => w.delegations[d].threat[e] ?? 0,
    })),
  },
  {
    id: 'momentum',
    title: 'Momentum of the texts at the Conference on Disarmament',
    note: 'A tabled text can be adopted by consensus from 70.',
    fixed: true,
    lines: DRAFTS.map((id) => ({
      key: `draft.${id}.momentum`,
      name: `${DRAFT_SHORT[id]} momentum`,
      read: (w: World) => w.drafts[id].momentum,
    })),
  },
  {
    id: 'scores',
    title: 'Scores',
    note: 'Each national score, and the global commons everyone shares.',
    fixed: false,
    lines: [
      ...DELEGATIONS.map((d) => ({
        key: `score.${d}`,
        name: `${name(d)} (national score)`,
        read: (w: World) => allScores(w).national[d].total,
      })),
      { key: 'score.commons', name: 'Global commons', read: (w: World) => allScores(w).commons.total },
    ],
  },
];

/** The worlds at the start and at the end of each resolved round, with their axis labels. */
export function roundPoints(replay: Replay): { labels: string[]; worlds: World[] } {
  if (!replay.start) return { labels: [], worlds: [] };
  return {
    labels: ['Start', ...replay.rounds.map((r) => `Round ${r.round}${r.year ? ` (${r.year})` : ''}`)],
    worlds: [replay.start, ...replay.rounds.map((r) => r.after)],
  };
}

export function cardMarkers(replay: Replay): Marker[] {
  return replay.cards.map((c) => ({
    x: c.x,
    label: `${c.card.card.date} · ${c.card.card.title} (round ${c.card.round}${c.card.injected ? ', played by the teacher' : ''})`,
  }));
}

/** A jump of one line between two rounds, with the largest causes the ledger recorded for it. */
export interface Jump {
  round: number;
  line: string;
  from: number;
  to: number;
  causes: string[];
}

/** The largest moves of any charted line between two consecutive points, largest first. */
export function largestJumps(replay: Replay, count = 8): Jump[] {
  const { worlds } = roundPoints(replay);
  const jumps: Jump[] = [];
  for (const chart of CHARTS) {
    for (const line of chart.lines) {
      for (let k = 1; k < worlds.length; k++) {
        const from = line.read(worlds[k - 1] as World);
        const to = line.read(worlds[k] as World);
        if (from === to) continue;
        const record = replay.rounds[k - 1] as RoundRecord;
        const causes = record.after.changes
          .filter((c) => c.target === line.key && c.round === record.round)
          .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
          .slice(0, 3)
          .map((c) => `${c.cause} (${c.delta > 0 ? '+' : ''}${c.delta})`);
        jumps.push({ round: record.round, line: line.name, from, to, causes });
      }
    }
  }
  return jumps.sort((a, b) => Math.abs(b.to - b.from) - Math.abs(a.to - a.from)).slice(0, count);
}

const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;

/** What happened in one round that a debrief would stop at. */
export interface RoundTurns {
  round: number;
  year: number | undefined;
  items: string[];
  questions: { card: string; question: string }[];
}

export function turningPoints(replay: Replay, jumps: readonly Jump[]): RoundTurns[] {
  const end = finalWorld(replay);
  return replay.rounds.map((r) => {
    const items: string[] = [];
    for (const j of jumps.filter((x) => x.round === r.round))
      items.push(
        `${j.line} ${signed(j.to - j.from)} (${j.from} → ${j.to}), one of the largest moves of the game.`,
      );
    for (const id of DRAFTS)
      if (r.after.drafts[id].adoptedRound === r.round)
        items.push(`The Conference on Disarmament adopted ${DRAFT_NAMES[id]} by consensus.`);
    for (const res of r.after.resolutions) {
      const before = r.before.resolutions.find((x) => x.id === res.id);
      if (res.result && !before?.result)
        items.push(
          `The General Assembly ${res.result.adopted ? 'adopted' : 'rejected'} the resolution on ${TOPIC_NAMES[res.topic]} (${res.result.yes}–${res.result.no}, ${res.result.abstain} abstaining).`,
        );
    }
    for (const c of r.after.changes) {
      if (c.round !== r.round || c.source.kind !== 'order' || !c.target.startsWith('draft.')) continue;
      const order = played(r.desks[c.source.by])[c.source.order];
      if (order?.kind === 'blockConsensus') items.push(`${c.cause} (${signed(c.delta)} momentum).`);
    }
    for (const d of DELEGATIONS)
      for (const o of played(r.desks[d]))
        if (o.kind === 'testCounterspace') items.push(`Weapons test: ${name(d)}: ${describeOrder(o)}.`);
    for (const v of r.after.violations.filter((x) => x.round === r.round))
      items.push(
        `Violation: ${name(v.by)} broke ${v.rule}: ${v.what}; ${v.detectedBy.length ? `found by ${v.detectedBy.map(name).join(', ')}` : 'nobody found out during play'}.`,
      );
    const questions = (end?.cards ?? [])
      .filter((c) => c.round === r.round && c.card.debrief)
      .map((c) => ({ card: c.card.title, question: c.card.debrief }));
    return { round: r.round, year: r.year, items, questions };
  });
}

/** Every chart of the debrief, as figures with their tables. */
export function debriefCharts(replay: Replay, idPrefix: string): HTMLElement[] {
  const { labels, worlds } = roundPoints(replay);
  if (worlds.length === 0)
    return [h('p', { class: 'empty' }, 'The session never started: there is nothing to chart.')];
  const markers = cardMarkers(replay);
  return CHARTS.map((c) => {
    const spec: ChartSpec = {
      id: `${idPrefix}-chart-${c.id}`,
      title: c.title,
      note: c.note,
      xLabels: labels,
      series: c.lines.map((l) => ({ name: l.name, values: worlds.map(l.read) })),
      markers,
      ...(c.fixed ? { min: 0, max: 100 } : {}),
    };
    return lineChart(spec);
  });
}

/** Each delegation's orders, round by round, as the head confirmed them (or did not). */
export function decisionTimelines(replay: Replay, idPrefix: string): HTMLElement {
  return h(
    'div',
    { class: 'decisions' },
    ...DELEGATIONS.map((d) =>
      h(
        'section',
        { class: `decision-team seat-${d}`, 'aria-labelledby': `${idPrefix}-decisions-${d}` },
        h('h4', { id: `${idPrefix}-decisions-${d}` }, name(d)),
        replay.rounds.length === 0
          ? h('p', { class: 'empty' }, 'No round was resolved.')
          : h(
              'ol',
              { class: 'decision-rounds' },
              ...replay.rounds.map((r) => {
                const desk = r.desks[d];
                const status = !desk.confirmed
                  ? desk.orders.length
                    ? 'drafted but never confirmed: nothing was played'
                    : 'no orders'
                  : desk.unplayable
                    ? `confirmed, but not played: ${desk.unplayable}`
                    : desk.orders.length
                      ? `confirmed, ${desk.orders.reduce((s, o) => s + orderCost(o), 0)} points`
                      : 'confirmed an empty list';
                return h(
                  'li',
                  { class: 'decision-round' },
                  h('strong', {}, `Round ${r.round}${r.year ? ` (${r.year})` : ''}`),
                  `: ${status}`,
                  desk.orders.length
                    ? h(
                        'ul',
                        { class: desk.confirmed && !desk.unplayable ? 'orders' : 'orders unplayed' },
                        ...desk.orders.map((o) => h('li', {}, `${describeOrder(o)} (${orderCost(o)})`)),
                      )
                    : undefined,
                );
              }),
            ),
      ),
    ),
  );
}

export function jumpList(jumps: readonly Jump[]): HTMLElement {
  if (jumps.length === 0) return h('p', { class: 'empty' }, 'Nothing moved between rounds.');
  return h(
    'ol',
    { class: 'jumps' },
    ...jumps.map((j) =>
      h(
        'li',
        {},
        h('strong', {}, `Round ${j.round}: ${j.line} ${signed(j.to - j.from)}`),
        ` (${j.from} → ${j.to})`,
        j.causes.length ? `. Mostly: ${j.causes.join('; ')}.` : '.',
      ),
    ),
  );
}

export function turningList(turns: readonly RoundTurns[], withQuestions = true): HTMLElement {
  if (turns.length === 0) return h('p', { class: 'empty' }, 'No round was resolved.');
  return h(
    'div',
    { class: 'turns' },
    ...turns.map((t) =>
      h(
        'section',
        { class: 'turn' },
        h('h4', {}, `Round ${t.round}${t.year ? ` (${t.year})` : ''}`),
        t.items.length
          ? h('ul', {}, ...t.items.map((i) => h('li', {}, i)))
          : h(
              'p',
              { class: 'empty' },
              'A quiet round: no text decided, no test, no violation, no large move.',
            ),
        withQuestions && t.questions.length
          ? h(
              'div',
              { class: 'questions' },
              h('p', {}, h('strong', {}, 'Debrief questions of the cards played this round:')),
              h('ul', {}, ...t.questions.map((q) => h('li', {}, h('em', {}, `${q.card}: `), q.question))),
            )
          : undefined,
      ),
    ),
  );
}

/** Where each delegation's words and deeds parted, from the rules' own record (world.gaps). */
export function gapsList(replay: Replay): HTMLElement {
  const gaps = finalWorld(replay)?.gaps ?? [];
  return h(
    'div',
    { class: 'gaps' },
    ...DELEGATIONS.map((d) => {
      const mine = gaps.filter((g) => g.by === d);
      return h(
        'section',
        {},
        h('h4', {}, `${name(d)} (${mine.length})`),
        mine.length
          ? h('ul', {}, ...mine.map((g) => h('li', {}, `Round ${g.round}: said “${g.said}”, then ${g.did}.`)))
          : h('p', { class: 'empty' }, 'No gap between words and deeds was recorded.'),
      );
    }),
  );
}

/** Every card's debrief question, in the order the cards were played. */
export function questionList(replay: Replay): HTMLElement {
  const cards = finalWorld(replay)?.cards ?? [];
  if (cards.length === 0) return h('p', { class: 'empty' }, 'No card was played.');
  return h(
    'ol',
    { class: 'questions' },
    ...cards.map((c) =>
      h('li', {}, h('strong', {}, `Round ${c.round} · ${c.card.title}: `), c.card.debrief || '(no question)'),
    ),
  );
}

/** The final scores, part by part, when the session got that far. */
export function finalScores(replay: Replay): HTMLElement | undefined {
  const w = finalWorld(replay);
  if (!w) return undefined;
  const sc = allScores(w);
  return h(
    'ul',
    { class: 'final-scores' },
    ...DELEGATIONS.map((d) =>
      h(
        'li',
        {},
        h('strong', {}, `${name(d)}: ${sc.national[d].total}`),
        ` — ${sc.national[d].parts.map((p) => `${p.part} ${p.points}`).join('; ')}`,
      ),
    ),
    h(
      'li',
      {},
      h('strong', {}, `Global commons: ${sc.commons.total}`),
      ` — ${sc.commons.parts.map((p) => `${p.part} ${p.points}`).join('; ')}`,
    ),
  );
}

/**
 * "Who did what": a table a delegation, one row a member (nickname and roles), one column a kind of work,
 * counted from the log (credits.ts).
 */
export function creditTables(replay: Replay, idPrefix: string): HTMLElement {
  const credits = whoDidWhat(replay);
  return h(
    'div',
    { class: 'credits' },
    ...DELEGATIONS.map((d) => {
      const rows = credits[d];
      if (rows.length === 0) return h('p', { class: 'empty' }, `${name(d)}: nobody sat at this delegation.`);
      // Eight columns do not fit a phone: the table scrolls sideways in its own frame, reachable by keyboard.
      return h(
        'div',
        { class: 'credit-scroll', tabindex: 0, role: 'region', 'aria-label': `${name(d)}: who did what` },
        h(
          'table',
          { class: 'credit-table', id: `${idPrefix}-credits-${d}` },
          h('caption', {}, `${name(d)}: who did what`),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Member'),
              h('th', { scope: 'col' }, 'Role'),
              ...CREDIT_COLUMNS.map(([, label]) => h('th', { scope: 'col' }, label)),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((c) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row' }, c.nickname),
                h('td', {}, c.roles.length ? c.roles.map(roleShortName).join(', ') : '—'),
                ...CREDIT_COLUMNS.map(([key]) => h('td', {}, String(c[key]))),
              ),
            ),
          ),
        ),
      );
    }),
  );
}

/** The whole debrief, as the viewer shows it and the report prints it. */
export function debriefSections(
  replay: Replay,
  idPrefix: string,
  opts: { print?: boolean } = {},
): HTMLElement[] {
  const jumps = largestJumps(replay);
  const turns = turningPoints(replay, jumps);
  const section = (id: string, title: string, ...children: (HTMLElement | undefined)[]) =>
    h(
      'section',
      { class: 'card debrief-section', 'aria-labelledby': `${idPrefix}-${id}` },
      h('h3', { id: `${idPrefix}-${id}` }, title),
      ...children,
    );
  const w = finalWorld(replay);
  return [
    section(
      'charts-title',
      'How the world moved',
      h(
        'p',
        { class: 'hint' },
        'Each point is the world at the end of a round; numbered marks are the event cards, listed under each chart.',
      ),
      ...debriefCharts(replay, idPrefix),
    ),
    section(
      'scores-title',
      replay.final?.stage === 'ended' ? 'Final scores' : 'Scores where the log ends',
      finalScores(replay) ?? h('p', { class: 'empty' }, 'No scores: the session never started.'),
    ),
    section('decisions-title', 'Decisions, team by team', decisionTimelines(replay, idPrefix)),
    section(
      'credits-title',
      'Who did what',
      h(
        'p',
        { class: 'hint' },
        'Counted from the log, per member of each delegation, with the roles held at the end: a start for the conversation, not a grade.',
      ),
      creditTables(replay, idPrefix),
    ),
    section(
      'attribution-title',
      'Assessments against the truth',
      h(
        'p',
        { class: 'hint' },
        'Each incident in orbit, with what each delegation that had to guess concluded (its analyst’s work, as the team last saved it) beside what really caused it.',
      ),
      attributionTables(replay, idPrefix),
    ),
    section(
      'turns-title',
      'Turning points',
      h('h4', {}, 'The largest moves between rounds'),
      jumpList(jumps),
      turningList(turns, !opts.print),
    ),
    section(
      'gaps-title',
      `Words and deeds${w ? ` (${w.gaps.length})` : ''}`,
      h('p', { class: 'hint' }, 'A public pledge followed by an order that contradicts it.'),
      gapsList(replay),
    ),
    section(
      'record-title',
      'Your game against the record',
      h(
        'p',
        { class: 'hint' },
        'What the class decided, beside what happened in the years its cards come from.',
      ),
      recordTable(replay, idPrefix),
    ),
    opts.print ? section('questions-title', 'Questions for the class', questionList(replay)) : undefined,
  ].filter((x): x is HTMLElement => x !== undefined);
}
