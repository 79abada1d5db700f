/**
 * A bot's decision time: campaigns of three bots (one per level, rotated), each round each bot decides its
 * orders and its CD statement from its delegation's view, timed alone. Run: npx node bench/bots.ts [--games N].
 * Target (issue 2.6): under 5 ms per bot per round. Seeded: runs are comparable.
 */
import { botOrders, botSpeech } from '../shared/bots/decide.ts';
import { BOT_LEVELS, type BotLevel } from '../shared/bots/doctrines.ts';
import { DELEGATIONS } from '../shared/model/seats.ts';
import { newWorld, resolveRound } from '../shared/rules/resolve.ts';

const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const games = Number(process.argv[process.argv.indexOf('--games') + 1]) || 100;
const WARMUP = 10;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

const decisions: number[] = [];
for (let g = 0; g < games + WARMUP; g++) {
  const seed = g + 1;
  let w = newWorld(seed, YEARS);
  for (let r = 0; r < YEARS.length; r++) {
    const orders = Object.fromEntries(
      DELEGATIONS.map((d, i) => {
        const level = BOT_LEVELS[(g + i) % BOT_LEVELS.length] as BotLevel;
        const t = performance.now();
        const mine = botOrders(w, d, level, seed);
        botSpeech(w, d, level, seed);
        if (g >= WARMUP) decisions.push(performance.now() - t); // the first games warm the JIT
        return [d, mine];
      }),
    );
    w = resolveRound(w, orders, YEARS[r + 1]);
  }
}

const f = (n: number) => n.toFixed(3);
console.log(
  `Bots, ${games} campaigns of ${YEARS.length} rounds, three bots each (levels rotated), Node ${process.version}`,
);
console.log('| measure | p50 ms | p99 ms | max ms | target |');
console.log('|---|---:|---:|---:|---|');
console.log(
  `| one bot's decision in a round (orders and statement) | ${f(percentile(decisions, 50))} | ${f(percentile(decisions, 99))} | ${f(Math.max(...decisions))} | < 5 ms |`,
);
