/**
 * Event cards through the real server: the teacher plays a deck card and a card of their own over real SDK
 * clients, every client reads it, refusals change nothing, GET /api/cards lists the deck; and the content check
 * that stops the server (and `npm run content:check`) on a broken card, run as real processes.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent, readPack } from '../../server/content.ts';
import { plural } from '../../shared/content/labels.ts';
import type { Delegation } from '../../shared/model/seats.ts';
import type { Change } from '../../shared/rules/model.ts';
import type { WorldView } from '../../shared/rules/views.ts';
import {
  eventually,
  failureOf,
  type Harness,
  pace,
  type Player,
  refusalOf,
  roundTrip,
  serverState,
  type Session,
  startHarness,
  seenBy,
} from './harness.ts';

const content = readContent('content');
const X06 = content.cards.find((c) => c.id === 'x06-us-asat-test-moratorium');
if (!X06) throw new Error('the deck has no x06-us-asat-test-moratorium');
const STORM = {
  title: 'A solar storm blinds satellites',
  briefing: 'A strong solar storm knocks out several satellites in low orbit for a day.',
  arena: 'orbit',
  effects: [
    { kind: 'debris', delta: 3 },
    { kind: 'prestige', delegation: 'china', delta: -2 },
  ],
};

let h: Harness;
let session: Session;
const c = {} as { teacher: Player; projector: Player; ana: Player; wei: Player; obi: Player };
const everyone = () => [c.teacher, c.projector, c.ana, c.wei, c.obi];
const who = (p: Player) => `${p.welcome.role} ${p.welcome.memberId ?? ''}`;
const parse = <T>(json: string | undefined): T | undefined => (json ? (JSON.parse(json) as T) : undefined);
const worldOf = (p: Player): WorldView => {
  const w = parse<WorldView>(p.room.state.world);
  if (!w) throw new Error(`${who(p)} has no world yet.`);
  return w;
};
const hostWorldOf = (p: Player) => parse<WorldView>(p.room.state.host?.world);
const secretOf = (p: Player, d: Delegation) => parse<WorldView>(p.room.state.teams.get(d)?.secret);
/** Every world a client decodes: the public one, its delegation's, and the teacher's. */
const worldsOf = (p: Player): WorldView[] =>
  [worldOf(p), secretOf(p, 'us'), secretOf(p, 'china'), secretOf(p, 'russia'), hostWorldOf(p)].filter(
    (w): w is WorldView => w !== undefined,
  );
const byCard = (changes: readonly Change[], id: string) =>
  changes.filter((x) => x.source.kind === 'card' && x.source.card === id);
async function ask(p: Player, type: string, payload: object = {}): Promise<unknown> {
  await pace(p);
  return p.room.request(type, payload);
}
const snapshot = async (sender: Player) => {
  await pace(sender);
  await roundTrip(sender);
  return { server: serverState(session).toJSON(), sender: sender.room.state.toJSON() };
};

beforeAll(async () => {
  h = await startHarness();
  session = await h.createSession({ scenarioId: 'campaign', timersOn: false });
  c.teacher = await h.joinTeacher(session);
  c.projector = await h.joinProjector(session);
  c.ana = await h.joinStudent(session, 'Ana');
  c.wei = await h.joinStudent(session, 'Wei');
  c.obi = await h.joinStudent(session, 'Obi');
  await ask(c.ana, 'chooseSeat', { seat: 'us' });
  await ask(c.wei, 'chooseSeat', { seat: 'china' });
  await ask(c.obi, 'chooseSeat', { seat: 'observer' });
});
afterAll(async () => {
  await h.close();
});

describe('the deck over HTTP', () => {
  it('GET /api/cards lists every card of the deck by date, with its briefing, without effects or teacher notes', async () => {
    const { status, body } = await h.http('/api/cards');
    expect(status).toBe(200);
    const list = body as { id: string; date: string; title: string; arena: string; briefing: string }[];
    expect(list.map((x) => x.id).sort()).toEqual(content.cards.map((x) => x.id).sort());
    expect(list.map((x) => x.date)).toEqual(list.map((x) => x.date).sort());
    for (const x of list) {
      const card = content.cards.find((k) => k.id === x.id);
      expect(x).toEqual({
        id: card?.id,
        date: card?.date,
        title: card?.title,
        arena: card?.arena,
        briefing: card?.briefing,
      });
    }
    expect(JSON.stringify(body)).not.toContain(X06.teacherNotes);
  });
});

describe('the teacher plays cards during a session', () => {
  it('nobody can play a card in the lobby', async () => {
    expect(await refusalOf(ask(c.teacher, 'injectCard', { cardId: X06.id }))).toEqual({
      code: 'wrongStage',
      message: 'Cards can be played only during the rounds.',
    });
  });

  it('the round’s scripted cards reach every client at the start', async () => {
    await ask(c.teacher, 'startSession', {});
    const scripted = content.scenarios.find((s) => s.id === 'campaign')?.rounds[0]?.cards ?? [];
    await eventually(() => {
      for (const p of everyone())
        for (const w of worldsOf(p))
          expect(
            w.cards.map((x) => x.card.id),
            who(p),
          ).toEqual(scripted);
    });
  });

  it('a deck card is applied once and every client reads it, the teacher alone with its notes', async () => {
    const before = worldOf(c.projector);
    const version = serverState(session).version;
    expect(await ask(c.teacher, 'injectCard', { cardId: X06.id })).toEqual({ version: version + 1 });
    await eventually(() => {
      for (const p of everyone()) {
        for (const w of worldsOf(p)) {
          const played = w.cards.filter((x) => x.card.id === X06.id);
          expect(played, who(p)).toHaveLength(1);
          expect(played[0]).toMatchObject({
            round: 1,
            injected: true,
            card: { title: X06.title, date: X06.date },
          });
        }
      }
    });
    for (const p of everyone()) {
      const notes = worldOf(p).cards.find((x) => x.card.id === X06.id)?.card.teacherNotes;
      expect(notes, who(p)).toBe('');
    }
    expect(hostWorldOf(c.teacher)?.cards.find((x) => x.card.id === X06.id)?.card.teacherNotes).toBe(
      X06.teacherNotes,
    );
    // The indicators it moves have moved, on every screen.
    const board = worldOf(c.projector);
    expect(board.tension).toBe(before.tension - 2);
    expect(board.delegations.us.legitimacy).toBe(before.delegations.us.legitimacy + 4);
    expect(board.drafts.tcbm.momentum).toBe(before.drafts.tcbm.momentum + 3);
    for (const p of everyone()) expect(worldOf(p).tension, who(p)).toBe(board.tension);
  });

  it('the same deck card cannot be played twice, and the refusal changes nothing', async () => {
    const before = await snapshot(c.teacher);
    expect(await refusalOf(ask(c.teacher, 'injectCard', { cardId: X06.id }))).toEqual({
      code: 'nothingToDo',
      message: `"${X06.title}" has already been played in this session.`,
    });
    expect(await refusalOf(ask(c.teacher, 'injectCard', { cardId: 'p99-no-such-card' }))).toEqual({
      code: 'unknownCard',
      message: 'There is no card "p99-no-such-card" in this server\'s deck.',
    });
    expect(await snapshot(c.teacher)).toEqual(before);
  });

  it('a card of the teacher’s own is played, numbered, and reaches every client', async () => {
    const before = worldOf(c.projector);
    await ask(c.teacher, 'injectCustom', { card: STORM });
    await eventually(() => {
      for (const p of everyone()) {
        for (const w of worldsOf(p)) {
          expect(w.cards.at(-1), who(p)).toMatchObject({
            round: 1,
            injected: true,
            card: {
              id: 'custom-1',
              title: STORM.title,
              briefing: STORM.briefing,
              arena: 'orbit',
              date: '2015',
            },
          });
        }
      }
    });
    const board = worldOf(c.projector);
    expect(board.debris).toBe(before.debris + 3);
    expect(board.delegations.china.prestige).toBe(before.delegations.china.prestige - 2);
    expect(board.cards.at(-1)?.card.source).toBeUndefined();
  });

  it.each<[string, 'ana' | 'obi' | 'projector', string, object, string]>([
    [
      'a student at a delegation',
      'ana',
      'injectCard',
      { cardId: 'x07-asat-test-resolution' },
      'Only the teacher can do that.',
    ],
    ['an observer', 'obi', 'injectCustom', { card: STORM }, 'Only the teacher can do that.'],
    [
      'the projector',
      'projector',
      'injectCard',
      { cardId: 'x07-asat-test-resolution' },
      'The projector board only watches.',
    ],
    [
      'the projector, with a card of its own',
      'projector',
      'injectCustom',
      { card: STORM },
      'The projector board only watches.',
    ],
  ])('%s cannot play a card', async (_, sender, type, payload, message) => {
    const before = await snapshot(c[sender]);
    expect(await refusalOf(ask(c[sender], type, payload))).toEqual({ code: 'notAllowed', message });
    expect(await snapshot(c[sender])).toEqual(before);
  });

  it.each<[string, object, RegExp]>([
    ['an effect of an unknown kind', { effects: [{ kind: 'earthquake', delta: 3 }] }, /effects/],
    ['a change larger than a card may make', { effects: [{ kind: 'tension', delta: 50 }] }, /at most 20/],
    ['a change that is not a whole number', { effects: [{ kind: 'debris', delta: 2.5 }] }, /whole numbers/],
    ['six effects', { effects: Array.from({ length: 6 }, () => ({ kind: 'tension', delta: 1 })) }, /effects/],
    ['no title', { title: '   ' }, /Give the event a title/],
    ['an unknown arena', { arena: 'mars' }, /arena/],
    ['a field the card does not have', { teacherNotes: 'sneaky' }, /teacherNotes/],
  ])('a card of the teacher’s own with %s is refused, changing nothing', async (_, patch, message) => {
    const before = await snapshot(c.teacher);
    const error = await failureOf(ask(c.teacher, 'injectCustom', { card: { ...STORM, ...patch } }));
    expect(error.name).not.toBe('rejected');
    expect(error.message).toMatch(message);
    expect(c.teacher.room.connection.isOpen).toBe(true);
    expect(await snapshot(c.teacher)).toEqual(before);
  });

  it('at the resolution, every client reads the cards’ effects as changes caused by the cards', async () => {
    for (const phase of ['negotiation', 'orders', 'resolution']) {
      await ask(c.teacher, 'advancePhase', seenBy(c.teacher));
      expect(c.teacher.room.state.phase).toBe(phase);
    }
    await eventually(() => {
      for (const p of everyone()) expect(worldOf(p).round, who(p)).toBe(1);
    });
    const expected = [
      [X06.id, ['legitimacy.us', 4], ['draft.tcbm.momentum', 3], ['tension', -2]],
      ['custom-1', ['debris', 3], ['prestige.china', -2]],
    ] as const;
    for (const p of everyone()) {
      for (const w of worldsOf(p)) {
        for (const [id, ...effects] of expected) {
          const changes = byCard(w.changes, id);
          expect(
            changes.map((x) => [x.target, x.delta]),
            `${who(p)}: ${id}`,
          ).toEqual(effects);
          for (const x of changes) expect(x).toMatchObject({ round: 1, visibleTo: 'all' });
        }
      }
    }
    const storm = byCard(worldOf(c.projector).changes, 'custom-1');
    expect(storm.map((x) => x.cause)).toEqual([`Event: ${STORM.title}`, `Event: ${STORM.title}`]);
    // The inject stays applied once: one card each in the timeline, one set of changes.
    expect(worldOf(c.projector).cards.filter((x) => x.card.id === X06.id)).toHaveLength(1);
  });

  it('a second card of the teacher’s own gets the next number; a card can be played in any phase of a round', async () => {
    await ask(c.teacher, 'injectCustom', { card: { ...STORM, title: 'A second solar storm' } });
    await eventually(() =>
      expect(worldOf(c.ana).cards.at(-1)?.card).toMatchObject({
        id: 'custom-2',
        title: 'A second solar storm',
      }),
    );
  });
});

describe('an intelligence card over the wire', () => {
  it('reaches only its audience (and the teacher) until its round is resolved, then everyone', async () => {
    const doll = content.cards.find((x) => x.id === 'p44-nesting-doll-2017');
    expect(doll?.audience).toEqual(['russia']);
    const dolls = await h.createSession({ scenarioId: 'nesting-dolls', timersOn: false });
    const teacher = await h.joinTeacher(dolls);
    const projector = await h.joinProjector(dolls);
    const sam = await h.joinStudent(dolls, 'Sam');
    const olga = await h.joinStudent(dolls, 'Olga');
    await ask(sam, 'chooseSeat', { seat: 'us' });
    await ask(olga, 'chooseSeat', { seat: 'russia' });
    await ask(teacher, 'startSession');
    const ids = (w: WorldView | undefined) => (w?.cards ?? []).map((x) => x.card.id);
    await eventually(() => {
      expect(ids(secretOf(olga, 'russia'))).toContain(doll?.id);
      expect(ids(hostWorldOf(teacher))).toContain(doll?.id);
      expect(ids(secretOf(sam, 'us')).length).toBeGreaterThan(0);
    });
    for (const p of [teacher, projector, sam, olga]) await roundTrip(p);
    // Not a byte of it reaches the US or the projector: not in the public world, not in the US desk.
    const title = Buffer.from(doll?.title ?? '', 'utf8');
    const got = (p: Player) => p.frames.some((f) => Buffer.from(f).includes(title));
    expect(got(olga)).toBe(true);
    expect(got(teacher)).toBe(true);
    expect(got(sam)).toBe(false);
    expect(got(projector)).toBe(false);
    expect(ids(worldOf(projector))).not.toContain(doll?.id);

    for (let i = 0; i < 3; i++) await ask(teacher, 'advancePhase', seenBy(teacher)); // to the resolution
    expect(teacher.room.state.phase).toBe('resolution');
    await eventually(() => {
      expect(ids(worldOf(projector))).toContain(doll?.id);
      expect(ids(secretOf(sam, 'us'))).toContain(doll?.id);
    });
  });
});

// ---- Content that stops the server ----

/** Runs `node <script>` with the given environment and collects what it printed and how it ended. */
function runNode(script: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit within 20 s:\n${stdout}\n${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('content that does not pass the check', () => {
  let dir: string;
  let clientDir: string;
  let brokenPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'paros-content-'));
    cpSync('content', dir, { recursive: true });
    // A revised PPWT dated with slashes: the card fails, and the scenarios that script it lose it.
    brokenPath = join(dir, 'cards', 'p37-revised-ppwt.json');
    const card = JSON.parse(readFileSync(brokenPath, 'utf8'));
    card.date = '2014/06/10';
    writeFileSync(brokenPath, JSON.stringify(card, null, 2));
    clientDir = mkdtempSync(join(tmpdir(), 'paros-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>PAROS test</title>');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(clientDir, { recursive: true, force: true });
  });

  it('npm run content:check passes the shipped content', async () => {
    const { code, stdout, stderr } = await runNode('server/contentCheck.ts', { CONTENT_DIR: 'content' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')[0]).toBe(
      `Content is valid: ${content.cards.length} cards, ${content.scenarios.length} scenarios (${content.scenarios.map((s) => s.id).join(', ')}).`,
    );
    expect(stdout.trim().split('\n')[1]).toMatch(
      /^The teacher's pack is valid: 3 delegations, \d+ glossary terms/,
    );
  });

  it('npm run content:check fails on the broken copy, listing each problem', async () => {
    const read = readContent(dir);
    // The pack names cards and scenarios too: the broken card is reported there as well.
    const expected = [...read.problems, ...readPack(dir, read).problems];
    expect(expected).toContain(
      `${brokenPath}: card "p37-revised-ppwt": date: a date is YYYY, YYYY-MM or YYYY-MM-DD, as precise as the record allows`,
    );
    const { code, stdout, stderr } = await runNode('server/contentCheck.ts', { CONTENT_DIR: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${plural(expected.length, 'problem')} in ${dir}:`,
      ...expected.map((p) => `- ${p}`),
    ]);
  });

  it('the server refuses to start on it, with the same problems, and never listens', async () => {
    const { code, stdout, stderr } = await runNode('server/main.ts', {
      CONTENT_DIR: dir,
      CLIENT_DIR: clientDir,
    });
    expect(code).toBe(1);
    expect(stdout).not.toContain('PAROS is ready');
    const lines = stderr.trimEnd().split('\n');
    // Cards and scenarios stop the server; a broken pack only takes the pack offline (GET /api/pack says so).
    const problems = readContent(dir).problems;
    expect(problems.length).toBeGreaterThan(1);
    expect(lines).toEqual([
      `The content has ${plural(problems.length, 'problem')}; fix them and start again:`,
      ...problems,
    ]);
  });

  it('the server starts on the shipped content', async () => {
    const child = spawn(process.execPath, ['server/main.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CONTENT_DIR: 'content', CLIENT_DIR: clientDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start:\n${out}`)), 20_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('PAROS is ready')) {
            clearTimeout(timer);
            resolve();
          }
        });
        child.stderr.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
      });
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
