import { DELEGATIONS } from '../../../shared/model/seats.ts';
import type { World } from '../../../shared/rules/model.ts';
import { startingWorld } from '../../../shared/rules/start.ts';
import { type Viewer, viewFor } from '../../../shared/rules/views.ts';
import type { SessionView } from '../net/view.ts';
import { SCENES, type SceneKey } from './facts.ts';
import { mountTable } from './mountTable.ts';

/**
 * A page of its own (not in the app's bundles) that mounts the scenes on a synthetic session, for
 * bench/scenes.ts to time and for looking at the scenes without playing a session. Query parameters:
 *   scene=orbit|chamber|moon|table   load=heavy (about 500 objects in orbit) | start (the campaign's start)
 *   viewer=teacher|public|us|china|russia   resolve=1 (play the resolution animation)   phase=orders|...
 *   fps=30 (the app's cap) | 0 (no cap: what the machine can draw)
 */
const params = new URLSearchParams(location.search);
const scene = (params.get('scene') ?? 'orbit') as SceneKey;
const heavy = (params.get('load') ?? 'heavy') === 'heavy';
const viewer = (params.get('viewer') ?? 'teacher') as Viewer;

function world(round: number): World {
  const w = startingWorld(1, [2015, 2017, 2019, 2021], { us: [], china: [], russia: [] });
  w.round = round;
  w.year = 2019;
  if (heavy) {
    for (const d of DELEGATIONS) {
      w.delegations[d].capabilities.satellites = { leo: 30, meo: 15, geo: 15 };
      w.delegations[d].capabilities.counterspace.coOrbital = 5;
    }
    w.debris = 75;
    w.cascade = true;
  } else w.debris = 31;
  w.tension = 62;
  w.alignment = 55;
  w.drafts.ppwt.momentum = 58;
  w.drafts.tcbm = {
    ...w.drafts.tcbm,
    momentum: 72,
    tabled: true,
    sponsors: ['us'],
    adoptedRound: 3,
    parties: ['us', 'russia'],
  };
  w.drafts.verification = { ...w.drafts.verification, momentum: 30, tabled: true, sponsors: ['us'] };
  w.delegations.russia.commitments.push({
    round: 3,
    kind: 'statement',
    pledge: 'noFirstPlacement',
    text: 'Statement: Russia will not be the first to place weapons in outer space, and asks all to follow.',
  });
  w.resolutions.push({
    id: 'r2-asatTestBan',
    topic: 'asatTestBan',
    sponsors: ['us'],
    proposedRound: 2,
    result: {
      yes: 155,
      no: 36,
      abstain: 2,
      adopted: true,
      votes: { us: 'yes', china: 'no', russia: 'abstain' },
    },
  });
  w.resolutions.push({
    id: 'r3-noFirstPlacement',
    topic: 'noFirstPlacement',
    sponsors: ['russia', 'china'],
    proposedRound: 3,
    result: undefined,
  });
  w.lunar = {
    artemis: { members: ['us'], partners: 12 },
    ilrs: { members: ['china', 'russia'], partners: 5 },
  };
  w.delegations.us.capabilities.lunar = 48;
  w.delegations.china.capabilities.lunar = 61;
  w.incidents = [
    {
      id: 'i1',
      round: 3,
      victim: 'us',
      kind: 'closeApproach',
      cause: { kind: 'attack', by: 'russia' },
      belief: { us: { kind: 'attack', by: 'russia', certain: false } },
    },
    {
      id: 'i2',
      round: 3,
      victim: 'china',
      kind: 'signalJammed',
      cause: { kind: 'attack', by: 'us' },
      belief: {},
    },
    {
      id: 'i3',
      round: 3,
      victim: 'russia',
      kind: 'anomaly',
      cause: { kind: 'natural', what: 'spaceWeather' },
      belief: {},
    },
  ];
  const rule = { kind: 'rule' as const, rule: 'bench' };
  w.changes = [
    {
      round: 3,
      target: 'tension',
      delta: 6,
      after: 62,
      cause: 'Incidents in orbit',
      source: rule,
      visibleTo: 'all',
    },
    {
      round: 3,
      target: 'debris',
      delta: 4,
      after: w.debris,
      cause: 'A test',
      source: rule,
      visibleTo: 'all',
    },
    {
      round: 3,
      target: 'draft.tcbm.momentum',
      delta: 10,
      after: 72,
      cause: 'Tabled',
      source: rule,
      visibleTo: 'all',
    },
    {
      round: 3,
      target: 'capability.china.satellites.leo',
      delta: 2,
      after: 6,
      cause: 'Launches',
      source: rule,
      visibleTo: 'all',
    },
    {
      round: 3,
      target: 'lunarPartners.artemis',
      delta: 3,
      after: 12,
      cause: 'New signatories',
      source: rule,
      visibleTo: 'all',
    },
    {
      round: 3,
      target: 'capability.china.lunar',
      delta: 5,
      after: 61,
      cause: 'A lunar mission',
      source: rule,
      visibleTo: 'all',
    },
  ];
  w.story = [
    {
      round: 3,
      text: 'The United States tabled the code of conduct; the Conference adopted it.',
      visibleTo: 'all',
    },
    {
      round: 3,
      text: 'United States: a satellite was closely shadowed by an unknown object.',
      visibleTo: 'all',
    },
    { round: 3, text: 'China flew a lunar mission.', visibleTo: 'all' },
  ];
  w.cards = [
    {
      round: 4,
      card: {
        id: 'bench-card',
        timelineId: undefined,
        date: '2019-07',
        title: 'A synthetic card for the benchmark page',
        arena: 'orbit',
        actors: [],
        briefing: 'Nothing happened: this card only exercises the reveal over the table during the briefing.',
        source: undefined,
        prompts: [],
        teacherNotes: '',
        debrief: '',
      },
      audience: undefined,
      injected: false,
    },
  ];
  if (round < 3) {
    w.round = round;
    w.incidents = [];
    w.changes = [];
  }
  return w;
}

/** A member as the scenes read it (other fields of the synced member stay at their defaults). */
const member = (id: string, nickname: string, seat: string, status: string) =>
  ({ id, nickname, seat, status, roles: '', muted: false }) as unknown as SessionView['members'][string];

function session(round: number): SessionView {
  const w = viewFor(world(round), viewer);
  const view: Partial<SessionView> = {
    version: 1,
    code: 'BENCH1',
    stage: 'playing',
    round: round + 1,
    phase: (params.get('phase') ?? 'orders') as SessionView['phase'],
    phaseEndsAt: 0,
    teamsLocked: true,
    hostConnected: true,
    projectors: 0,
    removedNames: [],
    settings: {
      scenarioId: 'bench',
      scenarioTitle: 'Benchmark',
      years: [2015, 2017, 2019, 2021],
      timersOn: false,
      phaseMinutes: { briefing: 3, negotiation: 10, orders: 5, resolution: 3, debrief: 5 },
      lockTeamsOnStart: true,
      maxPerDelegation: 8,
    },
    members: {
      m1: member('m1', 'Ana', 'us', 'connected'),
      m2: member('m2', 'Wei', 'china', 'connected'),
      m3: member('m3', 'Sasha', 'russia', 'away'),
      m4: member('m4', 'Lee', 'observer', 'connected'),
    },
    teams: {
      us: { submitted: true, headId: 'm1' },
      china: { submitted: false, headId: 'm2' },
      russia: { submitted: false, headId: 'm3' },
    },
    world: w,
    hostWorld: undefined,
    timerPaused: false,
    phaseRemainingMs: 0,
  };
  return view as SessionView;
}

declare global {
  interface Window {
    benchReady?: boolean;
    objectCount?: () => number;
    measureFrames?: (
      ms: number,
    ) => Promise<{ frames: number; fps: number; drawn: number; p50: number; p95: number; worst: number }>;
  }
}

const stage = document.getElementById('stage') as HTMLElement;
const handle = await mountTable(stage, SCENES.includes(scene) ? scene : 'orbit', {
  fpsLimit: Number(params.get('fps') ?? 30),
});
const resolve = params.get('resolve') === '1';
handle.update(session(resolve ? 2 : 3));
handle.timer('4:05');
if (resolve) setTimeout(() => handle.update(session(3)), 800);
window.objectCount = () => handle.orbit.objectCount();
window.measureFrames = (ms: number) =>
  new Promise((done) => {
    const gaps: number[] = [];
    let drawn = 0;
    const count = () => {
      drawn++;
    };
    handle.game.events.on('postrender', count);
    let last = performance.now();
    const start = last;
    const step = (now: number) => {
      gaps.push(now - last);
      last = now;
      if (now - start < ms) requestAnimationFrame(step);
      else {
        handle.game.events.off('postrender', count);
        const sorted = [...gaps].sort((a, b) => a - b);
        const pick = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
        done({
          frames: gaps.length,
          fps: (gaps.length * 1000) / (now - start),
          drawn: (drawn * 1000) / (now - start),
          p50: pick(0.5),
          p95: pick(0.95),
          worst: sorted.at(-1) ?? 0,
        });
      }
    };
    requestAnimationFrame(step);
  });
window.benchReady = true;
