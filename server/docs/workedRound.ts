import type { ScenarioSummary } from '../../shared/content/scenario.ts';
import { DELEGATION_NAMES, DELEGATIONS, type Delegation } from '../../shared/model/seats.ts';
import { name } from '../../shared/rules/context.ts';
import { describeOrder } from '../../shared/rules/describe.ts';
import type { Change, World } from '../../shared/rules/model.ts';
import { objective } from '../../shared/rules/objectives.ts';
import { type Order, type OrderKind, orderCost, ordersProblem } from '../../shared/rules/orders.ts';
import { ROUND_STEPS, newWorld, resolveRound } from '../../shared/rules/resolve.ts';
import { allScores } from '../../shared/rules/score.ts';
import { security } from '../../shared/rules/security.ts';
import { targetName } from '../../shared/rules/texts.ts';

/**
 * Section 7 of docs/rules.md, "A worked round", written by the engine itself: `npm run docs:rules` rewrites it,
 * and a test fails when the rules change and the page was not regenerated. The orders are a plausible first
 * round for each delegation; they stay fixed so that a rule change shows up as a change of the page.
 */
export const WORKED_SEED = 1;

export const WORKED_ORDERS: Record<Delegation, Order[]> = {
  us: [
    { kind: 'launchSatellites', regime: 'leo', count: 2 },
    { kind: 'buildSsa' },
    { kind: 'proposeTcbm', measure: 'launchNotification' },
    { kind: 'proposeResolution', topic: 'asatTestBan' },
    {
      kind: 'statement',
      stance: 'restraint',
      text: 'We will not be the first to conduct a destructive test.',
    },
  ],
  china: [
    { kind: 'tableDraft', draft: 'tcbm' },
    { kind: 'summit', with: 'russia' },
    { kind: 'proposeResolution', topic: 'noFirstPlacement' },
    { kind: 'buildMissileWarning' },
  ],
  russia: [
    { kind: 'summit', with: 'china' },
    { kind: 'coSponsor', draft: 'tcbm' },
    { kind: 'buildCounterspace', weapon: 'coOrbital' },
    {
      kind: 'statement',
      stance: 'noFirstPlacement',
      text: 'Russia will never be the first to place weapons in orbit.',
    },
  ],
};

export const WORKED_START =
  '<!-- worked-round:start (written by `npm run docs:rules`; do not edit by hand) -->';
export const WORKED_END = '<!-- worked-round:end -->';

/** Which part of a round an order kind belongs to, from its place in ROUND_STEPS. */
const PARTS = [
  { title: 'At the CD and the UN', first: 'tableDraft' },
  { title: 'Bilateral', first: 'summit' },
  { title: 'In orbit', first: 'launchSatellites' },
] as const;

function partOf(c: Change): string {
  if (c.source.kind === 'card') return 'Cards';
  if (c.source.kind === 'rule') {
    const rule = c.source.rule;
    if (['incident', 'attribution', 'disclosure', 'consensus', 'treaty', 'unVote'].includes(rule))
      return 'Incidents, treaties and votes';
    return "The world's own rules";
  }
  const kind = (WORKED_ORDERS[c.source.by][c.source.order] as Order | undefined)?.kind;
  const at = ROUND_STEPS.indexOf(kind as OrderKind);
  let title: string = PARTS[0].title;
  for (const p of PARTS) if (at >= ROUND_STEPS.indexOf(p.first)) title = p.title;
  return title;
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);
const round1 = (n: number) => Math.round(n * 10) / 10;
const cell = (s: string) => s.replaceAll('|', '\\|');

/** The changes of one part, one line per cause: "cause: target +2 (→ 48); other target −1 (→ 7)". */
function changeLines(changes: readonly Change[]): string[] {
  const byCause = new Map<string, Change[]>();
  for (const c of changes) {
    const key = `${c.cause}|${c.visibleTo === 'all' ? 'all' : c.visibleTo.join()}`;
    const list = byCause.get(key) ?? [];
    list.push(c);
    byCause.set(key, list);
  }
  return [...byCause.values()].map((list) => {
    const first = list[0] as Change;
    const cause = first.cause;
    const what = list
      .map((c) => `${targetName(c.target)} ${signed(round1(c.delta))} (→ ${round1(c.after)})`)
      .join('; ');
    const secret =
      first.visibleTo === 'all'
        ? ''
        : ` *(seen only by ${first.visibleTo.map(name).join(' and ') || 'nobody'})*`;
    return `- ${cause.replace(/\.$/, '')}: ${what}.${secret}`;
  });
}

/** The worked round as markdown: the world, the orders, every change by part with its cause, and the results. */
export function workedRound(scenario: ScenarioSummary): string {
  const start: World = newWorld(WORKED_SEED, scenario.years, scenario.start);
  for (const d of DELEGATIONS) {
    const problem = ordersProblem(start, d, WORKED_ORDERS[d]);
    if (problem)
      throw new Error(`The worked round's orders for ${d} are no longer valid: ${problem}. Choose others.`);
  }
  const end = resolveRound(start, WORKED_ORDERS, scenario.years[1]);
  const changes = end.changes.slice(start.changes.length);
  const story = end.story.slice(start.story.length).filter((s) => s.visibleTo === 'all');
  const scores = allScores(end);
  const out: string[] = [];

  out.push(
    `This is the engine's own output for one set of orders: the starting world of the ${scenario.title} scenario (${scenario.years[0]}), session seed ${WORKED_SEED}, resolved once without the briefing's cards. It is written by \`npm run docs:rules\` and checked by a test, so it is always the current rules.`,
    '',
    `The seed dealt: ${DELEGATIONS.map(
      (d) =>
        `${name(d)} *${start.delegations[d].objectives.map((id) => (objective(id)?.text ?? id).replace(/\.$/, '')).join('* and *')}*`,
    ).join('; ')}.`,
    '',
    '| | orders (cost) |',
    '| --- | --- |',
  );
  for (const d of DELEGATIONS) {
    const orders = WORKED_ORDERS[d];
    const total = orders.reduce((s, o) => s + orderCost(o), 0);
    out.push(
      `| ${DELEGATION_NAMES[d]} (budget ${start.delegations[d].budget}) | ${cell(orders.map((o) => `${describeOrder(o)} (${orderCost(o)})`).join('; '))}. Total ${total} |`,
    );
  }
  out.push('', 'Every change of the round, by part, in the order the engine made them, each with its cause:');
  const parts = [...new Set(changes.map(partOf))];
  for (const part of parts) {
    out.push('', `**${part}.**`, '', ...changeLines(changes.filter((c) => partOf(c) === part)));
  }
  if (story.length > 0) out.push('', '**What everyone was told.**', '', ...story.map((s) => `- ${s.text}`));
  out.push('', '**Results**', '', '| | US | China | Russia |', '| --- | --- | --- | --- |');
  const row = (label: string, f: (d: Delegation) => string) =>
    out.push(`| ${label} | ${DELEGATIONS.map((d) => cell(f(d))).join(' | ')} |`);
  row('security', (d) => `${security(start, d)} → ${security(end, d)}`);
  row('threat perceptions', (d) =>
    DELEGATIONS.filter((o) => o !== d)
      .map((o) => `of ${name(o)} ${end.delegations[d].threat[o] ?? 0}`)
      .join(', '),
  );
  row('prestige / legitimacy', (d) => `${end.delegations[d].prestige} / ${end.delegations[d].legitimacy}`);
  row('next budget', (d) => `${end.delegations[d].budget}`);
  row('national score now', (d) => `${scores.national[d].total}`);
  out.push(
    '',
    `Shared indicators: tension ${start.tension} → ${end.tension}, debris ${start.debris} → ${end.debris}, alignment ${start.alignment} → ${end.alignment}; the commons score ${allScores(start).commons.total} → ${scores.commons.total}.`,
  );
  return out.join('\n');
}

/** docs/rules.md with its worked round replaced by `section`; throws if the markers are missing. */
export function withWorkedRound(page: string, section: string): string {
  const a = page.indexOf(WORKED_START);
  const b = page.indexOf(WORKED_END);
  if (a < 0 || b < a) throw new Error('docs/rules.md has lost its worked-round markers.');
  return `${page.slice(0, a + WORKED_START.length)}\n${section}\n${page.slice(b)}`;
}
