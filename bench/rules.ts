/**
 * The rules engine's speed: resolving one round, and playing a whole 10-round campaign of random legal orders.
 * Run: npx node bench/rules.ts [--games N]. Targets (issue 2/5): a round under 1 ms; a game under 20 ms.
 * Orders come from a seeded generator (never Math.random), so runs are comparable.
 */
import { DELEGATIONS, type Delegation } from '../shared/model/seats.ts';
import type { World } from '../shared/rules/model.ts';
import { type Order, ordersProblem } from '../shared/rules/orders.ts';
import { newWorld, resolveRound } from '../shared/rules/resolve.ts';
import { Dice, seedRng } from '../shared/rules/rng.ts';

const YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const games = Number(process.argv[process.argv.indexOf('--games') + 1]) || 200;

/** A menu of plausible orders; the generator picks legal ones within budget. */
function menu(d: Delegation): Order[] {
  const others = DELEGATIONS.filter((o) => o !== d);
  const a = others[0] as Delegation;
  const b = others[1] as Delegation;
  return [
    { kind: 'coSponsor', draft: 'tcbm' },
    { kind: 'amendDraft', draft: 'ppwt', clause: 'verification' },
    { kind: 'workingPaper', topic: 'definitions' },
    { kind: 'proposeTcbm', measure: 'hotline' },
    { kind: 'endorseTcbm', measure: 'noFirstPlacement' },
    { kind: 'proposeResolution', topic: 'asatTestBan' },
    { kind: 'statement', stance: 'restraint', text: 'We seek stability in orbit.' },
    { kind: 'summit', with: a },
    { kind: 'techDeal', with: b, deal: 'navigation' },
    { kind: 'sanction', target: a, measure: 'exportControls' },
    { kind: 'lunarPartnership', bloc: d === 'us' ? 'artemis' : 'ilrs' },
    { kind: 'launchSatellites', regime: 'leo', count: 2 },
    { kind: 'buildCounterspace', weapon: 'coOrbital' },
    { kind: 'buildCounterspace', weapon: 'jamming' },
    { kind: 'testCounterspace', weapon: 'coOrbital', target: a },
    { kind: 'jam', target: b },
    { kind: 'buildMissileWarning' },
    { kind: 'buildSsa' },
    { kind: 'jointExercise', with: b },
    { kind: 'debrisMitigation' },
    { kind: 'lunarMission' },
  ];
}

function randomOrders(w: World, d: Delegation, dice: Dice): Order[] {
  const options = menu(d);
  const chosen: Order[] = [];
  for (let i = 0; i < 10 && chosen.length < 6; i++) {
    const o = options[dice.int(0, options.length - 1)] as Order;
    if (!ordersProblem(w, d, [...chosen, o])) chosen.push(o);
  }
  return chosen;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

const dice = new Dice(seedRng(20261126));
const roundTimes: number[] = [];
const gameTimes: number[] = [];
for (let g = 0; g < games + 20; g++) {
  let w = newWorld(g + 1, YEARS);
  const start = performance.now();
  for (let r = 0; r < YEARS.length; r++) {
    const orders = Object.fromEntries(DELEGATIONS.map((d) => [d, randomOrders(w, d, dice)]));
    const t = performance.now();
    w = resolveRound(w, orders, YEARS[r + 1]);
    if (g >= 20) roundTimes.push(performance.now() - t);
  }
  if (g >= 20) gameTimes.push(performance.now() - start); // the first 20 games warm the JIT
}

const f = (n: number) => n.toFixed(3);
console.log(
  `Rules engine, ${games} games of ${YEARS.length} rounds (random legal orders, seeded), Node ${process.version}`,
);
console.log('| measure | p50 ms | p99 ms | max ms | target |');
console.log('|---|---:|---:|---:|---|');
console.log(
  `| resolve one round | ${f(percentile(roundTimes, 50))} | ${f(percentile(roundTimes, 99))} | ${f(Math.max(...roundTimes))} | < 1 ms |`,
);
console.log(
  `| whole 10-round game (orders chosen and resolved) | ${f(percentile(gameTimes, 50))} | ${f(percentile(gameTimes, 99))} | ${f(Math.max(...gameTimes))} | < 20 ms |`,
);
