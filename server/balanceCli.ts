import { parseArgs } from 'node:util';
import { DOCTRINE_NAMES, type DoctrineName } from '../shared/doctrines/doctrines.ts';
import { profileKey, tournament } from '../shared/doctrines/tournament.ts';
import { DELEGATIONS } from '../shared/model/seats.ts';
import { loadContent } from './content.ts';

/**
 * `npm run balance`: plays every profile of scripted doctrines through the real rules and prints what wins.
 * Options: --scenario campaign, --seeds 4, --doctrines idle,arm,... (all by default), --payoffs (print the
 * whole payoff table too).
 */
const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'campaign' },
    seeds: { type: 'string', default: '4' },
    doctrines: { type: 'string' },
    payoffs: { type: 'boolean', default: false },
  },
});
const content = loadContent(process.env.CONTENT_DIR ?? 'content');
const doctrines = (values.doctrines?.split(',') ?? DOCTRINE_NAMES) as DoctrineName[];
const unknown = doctrines.filter((d) => !DOCTRINE_NAMES.includes(d));
if (unknown.length > 0) {
  console.error(`Unknown doctrine(s): ${unknown.join(', ')}. Known: ${DOCTRINE_NAMES.join(', ')}.`);
  process.exit(2);
}
const seedCount = Number(values.seeds);
if (!Number.isInteger(seedCount) || seedCount < 1) {
  console.error('--seeds takes a whole number of seeds, 1 or more.');
  process.exit(2);
}
const seeds = Array.from({ length: seedCount }, (_, i) => i + 1);
const started = performance.now();
const result = tournament(content, values.scenario, doctrines, seeds);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const pct = (x: number) => `${Math.round(x * 100)}%`;
console.log(
  `Balance tournament: scenario ${values.scenario}, ${doctrines.length} doctrines, ${seeds.length} seeds, ${result.games.length} games in ${seconds} s.\n`,
);
console.log(
  `Best responses: in how many of the ${result.opponentProfiles} opponent profiles each doctrine scores best (ties count for each).`,
);
console.log(`${pad('doctrine', 22)}${DELEGATIONS.map((d) => pad(d, 9)).join('')}`);
for (const n of doctrines) {
  console.log(`${pad(n, 22)}${DELEGATIONS.map((d) => pad(result.bestResponses[d][n], 9)).join('')}`);
}

console.log('\nEveryone plays the same doctrine (mean national score; commons; games ending in crisis):');
for (const n of doctrines) {
  const key = profileKey({ us: n, china: n, russia: n });
  const m = result.mean.get(key);
  const games = result.games.filter((g) => profileKey(g.profile) === key);
  const commons = games.reduce((s, g) => s + g.commons, 0) / games.length;
  const crises = games.filter((g) => g.crisis).length;
  console.log(
    `${pad(n, 22)}${DELEGATIONS.map((d) => `${d} ${pad(Math.round(m?.[d] ?? 0), 5)}`).join('')}commons ${pad(Math.round(commons), 5)}crisis ${crises}/${games.length}`,
  );
}

console.log('\nSecret objectives: how often each is met at the end, over all games, and when nobody plays.');
for (const o of result.objectiveRates)
  console.log(`${pad(o.id, 22)}all ${pad(pct(o.mixed), 6)}idle ${pct(o.idle)}`);

if (values.payoffs) {
  console.log('\nPayoffs by profile (us/china/russia): mean national scores.');
  for (const [key, m] of result.mean)
    console.log(`${pad(key, 48)}${DELEGATIONS.map((d) => pad(Math.round(m[d]), 6)).join('')}`);
}
