import { DELEGATION_IN_FULL } from '../../../shared/content/labels.ts';
import {
  INDICATORS,
  inlineTerm,
  type LessonPlan,
  type Pack,
  type PackCitation,
  type Quote,
  type RoleBrief,
  TERM_MARK,
} from '../../../shared/content/pack.ts';
import { PHASE_NAMES, ROUND_PHASES, type RoundPhase } from '../../../shared/model/phases.ts';
import { DELEGATION_NAMES, type Delegation } from '../../../shared/model/seats.ts';
import { ORDER_SPECS, type OrderKind } from '../../../shared/rules/orders.ts';
import { h } from '../ui/dom.ts';

/**
 * The teacher's pack as printable pages: pure functions from the pack's data to DOM, through `h`, so every word
 * of the content goes in as text. The pack screen (packScreen.ts) fetches the data and mounts one page.
 */

/** The pack's pages, by the address's last part: #/pack, #/pack/us, … */
export const PACK_PAGES = [
  { slug: '', title: 'Teacher’s guide' },
  { slug: 'us', title: 'United States pack' },
  { slug: 'china', title: 'China pack' },
  { slug: 'russia', title: 'Russia pack' },
  { slug: 'rubric', title: 'Assessment and rubric' },
] as const;
export type PackPage = (typeof PACK_PAGES)[number]['slug'];

type Child = Node | string;

/** 1.5 → "1½": minutes as a teacher writes them. */
export function minutesText(m: number): string {
  const whole = Math.floor(m);
  const half = m - whole >= 0.5;
  return half ? `${whole || ''}½` : String(whole);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
/** "2014-09-09" → "9 September 2014", "2020-02" → "February 2020", "2014" as it is. */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-');
  const month = m ? MONTHS[Number(m) - 1] : undefined;
  return [d ? String(Number(d)) : '', month ?? '', y].filter(Boolean).join(' ');
}

/** Text with `[[term]]` marks, as nodes: each marked term is shown as a term, with its definition on hover. */
export function richText(text: string, pack: Pick<Pack, 'glossary'>): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const m of text.matchAll(TERM_MARK)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const term = pack.glossary.terms.find((t) => t.id === m[1]);
    const shown = m[2] ?? (term ? inlineTerm(term) : (m[1] as string));
    out.push(h('span', { class: 'term', title: term?.definition }, shown));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const p = (text: string, pack: Pick<Pack, 'glossary'>, cls?: string) =>
  h('p', cls ? { class: cls } : {}, ...richText(text, pack));
const list = (items: readonly string[], pack: Pick<Pack, 'glossary'>) =>
  h('ul', {}, ...items.map((i) => h('li', {}, ...richText(i, pack))));

/** "Source: CD/1998; Liu 2024 · fact table P39 · checked against the record: confirmed", as the cards say it. */
export function citationLine(c: PackCitation): string {
  const refs = [...new Set([...c.documents, ...c.paper])];
  const checked = c.checked === 'notFound' ? 'not found in the sources checked' : c.checked;
  return `Source: ${refs.join('; ') || 'the public record'}${c.inPaper ? '' : ' (not in the paper)'} · fact table ${c.timelineId} · checked against the record: ${checked}`;
}

function quoteBlock(q: Quote, pack: Pack) {
  const c = pack.citations[q.card];
  return h(
    'figure',
    { class: 'quote' },
    h('blockquote', {}, `“${q.words}”`),
    h(
      'figcaption',
      {},
      `${q.speaker}, ${dateText(q.date)}`,
      c ? h('span', { class: 'source' }, citationLine(c)) : '',
    ),
  );
}

/** A table that stacks into labelled blocks on a phone: each cell carries its column's name. */
function table(caption: string | undefined, headers: readonly string[], rows: readonly Child[][], cls = '') {
  return h(
    'table',
    { class: `stack ${cls}`.trim() },
    caption ? h('caption', {}, caption) : undefined,
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h('tr', {}, ...r.map((cell, i) => h('td', { 'data-label': headers[i] ?? '' }, cell))),
      ),
    ),
  );
}

const inline = (nodes: Child[]) => h('span', {}, ...nodes);
const orderTitles = (kinds: readonly OrderKind[]) => kinds.map((k) => ORDER_SPECS[k].title).join('; ');

function cardList(ids: readonly string[], pack: Pack): Child {
  if (!ids.length) return '';
  return h(
    'ul',
    { class: 'cards-named' },
    ...ids.map((id) => {
      const c = pack.citations[id];
      return h('li', {}, c ? `${c.title} (${dateText(c.date)}, ${c.timelineId})` : id);
    }),
  );
}

/** The line of phase timers a plan or scenario uses: "Briefing 1 · Negotiation 4 · …". */
export function timersLine(timers: Record<RoundPhase, number>): string {
  const total = ROUND_PHASES.reduce((s, ph) => s + timers[ph], 0);
  return `${ROUND_PHASES.map((ph) => `${PHASE_NAMES[ph]} ${minutesText(timers[ph])}`).join(' · ')} (${minutesText(total)} minutes a round)`;
}

function lessonPlan(plan: LessonPlan, pack: Pack) {
  const scenario = pack.scenarios[plan.scenario];
  const timers = (plan.phaseMinutes ?? scenario?.phaseMinutes) as Record<RoundPhase, number> | undefined;
  return h(
    'section',
    { class: 'plan', 'aria-labelledby': `plan-${plan.id}` },
    h('h3', { id: `plan-${plan.id}` }, plan.title),
    h(
      'p',
      { class: 'meta' },
      `Scenario: ${scenario?.title ?? plan.scenario}${scenario ? ` (${scenario.years.join(', ')})` : ''}`,
      h('br'),
      `Phase timers${plan.phaseMinutes ? ' (set them in the lobby)' : ' (the scenario’s own)'}: ${timers ? timersLine(timers) : ''}`,
    ),
    p(plan.summary, pack),
    h('h4', {}, 'Before the lesson'),
    list(plan.preparation, pack),
    ...plan.periods.flatMap((period) => {
      let clock = 0;
      const rows = period.segments.map((s) => {
        const from = clock;
        clock += s.minutes;
        return [
          `${minutesText(from)}–${minutesText(clock)}`,
          h(
            'span',
            {},
            h('strong', {}, s.title),
            ` (${minutesText(s.minutes)} min)`,
            s.rounds && timers ? h('span', { class: 'hint' }, ` ${timersLine(timers)}`) : '',
          ),
          inline(richText(s.teacher, pack)),
          inline(richText(s.students, pack)),
        ];
      });
      return [
        h('h4', {}, `${period.title} (${period.minutes} minutes)`),
        table(undefined, ['Minutes', 'Activity', 'Teacher', 'Students'], rows, 'plan-table'),
      ];
    }),
    plan.notes.length ? h('div', { class: 'notes' }, h('h4', {}, 'Notes'), list(plan.notes, pack)) : '',
  );
}

/** The toolbar on screen: the pack's other pages and a print button; printing drops it. */
function toolbar(current: PackPage) {
  return h(
    'nav',
    { class: 'pack-nav no-print', 'aria-label': 'Teacher’s pack' },
    h(
      'ul',
      {},
      ...PACK_PAGES.map((pg) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: pg.slug ? `#/pack/${pg.slug}` : '#/pack',
              'aria-current': pg.slug === current ? 'page' : undefined,
            },
            pg.title,
          ),
        ),
      ),
    ),
    h(
      'button',
      { type: 'button', class: 'primary', id: 'pack-print', onclick: () => window.print() },
      'Print or save as PDF',
    ),
  );
}

/** The teacher's guide: objectives, curriculum, lesson plans, practice round, roles. */
export function teacherGuide(pack: Pack): HTMLElement {
  const objectiveTitle = (id: string) => pack.objectives.objectives.find((o) => o.id === id)?.title ?? id;
  return h(
    'main',
    { class: 'pack', id: 'pack-guide' },
    toolbar(''),
    h('h1', {}, 'PAROS · Crisis in Orbit: teacher’s guide'),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'objectives-title' },
      h('h2', { id: 'objectives-title' }, 'Learning objectives'),
      p(pack.objectives.intro, pack),
      ...pack.objectives.objectives.map((o) =>
        h(
          'article',
          { class: 'objective', 'aria-labelledby': `obj-${o.id}` },
          h('h3', { id: `obj-${o.id}` }, o.title),
          p(o.goal, pack, 'goal'),
          h('p', {}, h('strong', {}, 'The paper’s argument. '), ...richText(o.paper, pack)),
          table(
            'Where it shows in play',
            ['Phase', 'Where', 'Orders', 'Indicators', 'Cards'],
            o.inPlay.map((x) => [
              PHASE_NAMES[x.phase],
              inline(richText(x.where, pack)),
              orderTitles(x.orders),
              x.indicators.map((i) => INDICATORS[i]).join(', '),
              cardList(x.cards, pack),
            ]),
            'objective-table',
          ),
          h('p', {}, h('strong', {}, 'In the debrief. '), ...richText(o.debrief, pack)),
        ),
      ),
    ),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'curriculum-title' },
      h('h2', { id: 'curriculum-title' }, 'Where it fits in a curriculum'),
      p(pack.curriculum.intro, pack),
      table(
        undefined,
        ['Course', 'Framework', 'Relates to', 'Objectives'],
        pack.curriculum.rows.map((r) => [
          r.course,
          r.framework,
          inline(richText(r.relatesTo, pack)),
          r.objectives.map(objectiveTitle).join('; '),
        ]),
      ),
    ),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'lessons-title' },
      h('h2', { id: 'lessons-title' }, 'Lesson plans'),
      p(pack.lessons.intro, pack),
      ...pack.lessons.plans.map((plan) => lessonPlan(plan, pack)),
    ),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'practice-title' },
      h('h2', { id: 'practice-title' }, `The practice round (${minutesText(pack.practice.minutes)} minutes)`),
      p(pack.practice.intro, pack),
      list(pack.practice.setup, pack),
      ...pack.practice.phases.map((ph) =>
        h(
          'article',
          { class: 'practice-phase', 'aria-labelledby': `practice-${ph.phase}` },
          h(
            'h3',
            { id: `practice-${ph.phase}` },
            `${PHASE_NAMES[ph.phase]} (${minutesText(ph.minutes)} min)`,
          ),
          h('p', {}, h('strong', {}, 'On the screens. '), ...richText(ph.screen, pack)),
          h('p', { class: 'say' }, h('strong', {}, 'You say: '), ...richText(ph.teacherSays, pack)),
          table(
            undefined,
            ['Role', 'Does'],
            pack.roles.roles.map((r) => [r.title, inline(richText(ph.roles[r.id], pack))]),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'roles-title' },
      h('h2', { id: 'roles-title' }, 'Roles and team sizes'),
      p(pack.roles.intro, pack),
      table(
        undefined,
        ['Role', 'What it does', 'Where it looks'],
        pack.roles.roles.map((r) => [
          r.title,
          inline(richText(r.summary, pack)),
          inline(richText(r.screens, pack)),
        ]),
      ),
      p(pack.roles.sharing.intro, pack),
      table(
        undefined,
        ['Students in the team', 'How they share the roles'],
        pack.roles.sharing.teams.map((t) => [String(t.size), inline(richText(t.plan, pack))]),
      ),
    ),
    h(
      'p',
      { class: 'no-print' },
      'The students’ pages (primer, glossary, role briefs, decision memo) are in each delegation’s pack; the essay prompts, exit ticket and rubric are on the assessment page.',
    ),
  );
}

function glossarySection(pack: Pack) {
  const terms = [...pack.glossary.terms].sort((a, b) => a.term.localeCompare(b.term, 'en'));
  return h(
    'section',
    { class: 'pack-section glossary', 'aria-labelledby': 'glossary-title' },
    h('h2', { id: 'glossary-title' }, 'Glossary'),
    h(
      'dl',
      {},
      ...terms.flatMap((t) => [
        h('dt', { id: `term-${t.id}` }, t.term),
        h(
          'dd',
          {},
          ...richText(t.definition, pack),
          t.inGame ? h('span', { class: 'in-game' }, ' In the game: ', ...richText(t.inGame, pack)) : '',
        ),
      ]),
    ),
  );
}

function primerSection(pack: Pack) {
  return h(
    'section',
    { class: 'pack-section primer', 'aria-labelledby': 'primer-title' },
    h('h2', { id: 'primer-title' }, pack.primer.title),
    ...pack.primer.sections.flatMap((s) => [h('h3', {}, s.heading), ...s.paragraphs.map((x) => p(x, pack))]),
    h('h3', {}, 'Sources'),
    list(pack.primer.sources, pack),
  );
}

function briefSection(pack: Pack, d: Delegation, brief: RoleBrief) {
  const file = pack.delegations[d];
  const role = pack.roles.roles.find((r) => r.id === brief.role);
  const id = `brief-${d}-${brief.role}`;
  return h(
    'section',
    { class: 'pack-section brief', 'aria-labelledby': id, 'data-role': brief.role },
    h('h2', { id }, `${DELEGATION_NAMES[d]} · ${role?.title ?? brief.role}`),
    role ? p(role.summary, pack, 'role-summary') : '',
    h(
      'div',
      { class: 'box' },
      h('h3', {}, 'Your delegation in brief'),
      h(
        'p',
        {},
        h('strong', {}, 'Interests. '),
        ...file.interests.flatMap((x) => [...richText(x, pack), ' ']),
      ),
      h(
        'p',
        {},
        h('strong', {}, 'Red lines. '),
        ...file.redLines.flatMap((x) => [...richText(x, pack), ' ']),
      ),
    ),
    h('h3', {}, 'Your job'),
    p(brief.mission, pack),
    role
      ? h('p', {}, h('strong', {}, 'Where to look on your screen. '), ...richText(role.screens, pack))
      : '',
    table(
      'Round by round',
      ['Phase', 'What you do', 'Orders you work on'],
      ROUND_PHASES.map((ph) => [
        PHASE_NAMES[ph],
        inline(richText(brief.phases[ph].text, pack)),
        orderTitles(brief.phases[ph].orders),
      ]),
      'brief-table',
    ),
    h('h3', {}, 'Watch for'),
    list(brief.watchFor, pack),
  );
}

/** Ruled lines to write on, on paper and on screen. */
const writingLines = (n: number) =>
  h('div', { class: 'lines', 'aria-hidden': 'true' }, ...Array.from({ length: n }, () => h('span')));

/** "the United States", "China": a delegation inside a sentence. */
const inSentence = (d: Delegation) => DELEGATION_IN_FULL[d];

function memoTemplate(pack: Pack, d?: Delegation) {
  const memo = pack.assessment.memo;
  const prompts = d ? pack.delegations[d].memoPrompts : [];
  return h(
    'section',
    { class: 'pack-section memo', 'aria-labelledby': `memo-${d ?? 'all'}` },
    h('h2', { id: `memo-${d ?? 'all'}` }, `Decision memo${d ? `: ${DELEGATION_NAMES[d]}` : ''}`),
    p(memo.intro, pack),
    h(
      'p',
      { class: 'memo-head' },
      'Round ______   Year ______   Signed by the head of delegation: ____________________',
    ),
    ...memo.fields.map((f) =>
      h(
        'div',
        { class: 'memo-field' },
        h('h3', {}, f.label),
        p(f.prompt, pack, 'hint'),
        writingLines(f.lines),
      ),
    ),
    prompts.length
      ? h(
          'div',
          { class: 'memo-field' },
          h('h3', {}, `Questions for ${d ? inSentence(d) : 'your delegation'}`),
          list(prompts, pack),
          writingLines(4),
        )
      : '',
  );
}

/**
 * One delegation's pack: primer, glossary, the delegation's position, its six role briefs and its memo. A
 * student's own roles (`own`, from the desk's "Your brief" link: #/pack/us/legal) put their briefs first.
 */
export function delegationPack(pack: Pack, d: Delegation, own: readonly string[] = []): HTMLElement {
  const file = pack.delegations[d];
  const mine = file.briefs.filter((b) => own.includes(b.role));
  return h(
    'main',
    { class: 'pack', id: `pack-${d}` },
    toolbar(d),
    h('h1', {}, `PAROS · Crisis in Orbit: ${DELEGATION_NAMES[d]} delegation pack`),
    ...(mine.length
      ? [
          h(
            'p',
            { class: 'pack-own' },
            'Your role’s brief comes first; the other roles’ briefs follow the position.',
          ),
        ]
      : []),
    ...mine.map((b) => briefSection(pack, d, b)),
    primerSection(pack),
    glossarySection(pack),
    h(
      'section',
      { class: 'pack-section position', 'aria-labelledby': `position-${d}` },
      h('h2', { id: `position-${d}` }, file.title),
      p(file.situation, pack),
      h('h3', {}, 'Interests'),
      list(file.interests, pack),
      h('h3', {}, 'Red lines'),
      list(file.redLines, pack),
      h('h3', {}, 'Your capital’s positions'),
      ...file.positions.map((pos) =>
        h(
          'div',
          { class: 'position-item' },
          h('h4', {}, pos.topic),
          p(pos.text, pack),
          pos.quote ? quoteBlock(pos.quote, pack) : '',
        ),
      ),
    ),
    ...file.briefs.filter((b) => !mine.includes(b)).map((b) => briefSection(pack, d, b)),
    memoTemplate(pack, d),
  );
}

/** The assessment page: the rubric, the essay prompts, the exit ticket and a blank memo. */
export function assessmentPage(pack: Pack): HTMLElement {
  const a = pack.assessment;
  const objectiveTitle = (id: string) => pack.objectives.objectives.find((o) => o.id === id)?.title ?? id;
  return h(
    'main',
    { class: 'pack', id: 'pack-rubric' },
    toolbar('rubric'),
    h('h1', {}, 'PAROS · Crisis in Orbit: assessment'),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'rubric-title' },
      h('h2', { id: 'rubric-title' }, 'Rubric'),
      p(a.rubric.intro, pack),
      table(
        undefined,
        ['Criterion', ...a.rubric.levels],
        a.rubric.criteria.map((c) => [
          h('strong', {}, c.title),
          ...c.descriptors.map((x) => inline(richText(x, pack))),
        ]),
        'rubric-table',
      ),
    ),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'essays-title' },
      h('h2', { id: 'essays-title' }, 'Essay prompts'),
      h(
        'ol',
        { class: 'essays' },
        ...a.essays.map((e) =>
          h(
            'li',
            {},
            p(e.prompt, pack),
            h(
              'p',
              { class: 'hint' },
              ...richText(e.guidance, pack),
              ` Objectives: ${e.objectives.map(objectiveTitle).join('; ')}.`,
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'pack-section', 'aria-labelledby': 'exit-title' },
      h('h2', { id: 'exit-title' }, 'Exit ticket'),
      p(a.exitTicket.intro, pack),
      h('ol', {}, ...a.exitTicket.questions.map((q) => h('li', {}, ...richText(q, pack), writingLines(2)))),
    ),
    memoTemplate(pack),
  );
}

/** The page for an address's last part, or undefined for one the pack does not have. */
export function packPage(pack: Pack, page: string, roles: readonly string[] = []): HTMLElement | undefined {
  if (page === '') return teacherGuide(pack);
  if (page === 'rubric') return assessmentPage(pack);
  if (page === 'us' || page === 'china' || page === 'russia') return delegationPack(pack, page, roles);
  return undefined;
}
