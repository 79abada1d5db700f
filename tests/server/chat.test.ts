/**
 * Talks over real connections: a team's chat reaches its team and the teacher; a bilateral channel's words reach
 * its two delegations and the teacher while its status is public; the CD floor reaches everyone. Each check
 * reads the decoded state and the raw bytes on every socket, and the positive checks (an insider's frames do
 * carry the text) show the byte search would catch a leak. Also: mutes, the chat rate limit, the log, and the
 * roles every client reads.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { matchMaker } from '@colyseus/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogStore } from '../../server/log/SessionLog.ts';
import type { SessionRoom as ServerRoom } from '../../server/rooms/SessionRoom.ts';
import {
  eventually,
  framesContain,
  type Harness,
  idOf,
  type Player,
  refusalOf,
  roundTrip,
  type Session,
  serverState,
  startHarness,
  seenBy,
} from './harness.ts';

/** The chat fields of the synced state, as a client decodes them (server/sync/state.ts). */
interface MessageView {
  id: number;
  from: string;
  nickname: string;
  seat: string;
  text: string;
  round: number;
}
interface ChatView {
  floor: Iterable<MessageView> & { readonly length: number };
  channels: {
    get(pair: string): { status: string; requestedBy: string; messages?: Iterable<MessageView> } | undefined;
  };
  teams: { get(d: string): { chat?: Iterable<MessageView> } | undefined };
  members: { get(id: string): { roles: string; muted: boolean; seat: string } | undefined };
}
const chatOf = (p: Player) => p.room.state as unknown as ChatView;
const texts = (list: Iterable<MessageView> | undefined) => [...(list ?? [])].map((m) => m.text);
const teamChat = (p: Player, d: string) => texts(chatOf(p).teams.get(d)?.chat);
const channel = (p: Player, pair: string) => chatOf(p).channels.get(pair);
const channelTexts = (p: Player, pair: string) => texts(channel(p, pair)?.messages);
const floorTexts = (p: Player) => texts(chatOf(p).floor);
const memberOf = (viewer: Player, id: string) => chatOf(viewer).members.get(id);
const who = (p: Player) => `${p.welcome.role} ${p.welcome.memberId ?? ''}`.trim();
const unique = (what: string) => `${what} ${randomUUID()}`;

let h: Harness;
let dataDir: string;
let session: Session;
let teacher: Player;
let projector: Player;
let ana: Player; // United States, the head
let al: Player; // United States
let wei: Player; // China
let sasha: Player; // Russia
let cy: Player; // observer
let everyone: Player[];
/** Every text the server accepted, for the log check at the end. */
const accepted: string[] = [];
/** Texts the server refused: they must be in no log entry and no frame. */
const refused: string[] = [];

/** Waits until every patch sent so far has reached these clients (a ping each, in turn). */
async function settle(...players: Player[]) {
  for (const p of players) await roundTrip(p);
}

async function send(p: Player, to: string, text: string) {
  await p.room.request('sendMessage', { to, text });
  accepted.push(text);
}

/** `text` reached none of `outsiders`: not decoded anywhere in their state, not a byte on their sockets. */
async function expectNeverReached(text: string, outsiders: Player[]) {
  await settle(...outsiders);
  for (const p of outsiders) {
    expect(JSON.stringify(p.room.state.toJSON()), `${who(p)} decoded it`).not.toContain(text);
    expect(framesContain(p, text), `${who(p)} received its bytes`).toBe(false);
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paros-chat-'));
  h = await startHarness({ dataDir });
  session = await h.createSession({ timersOn: false });
  teacher = await h.joinTeacher(session);
  projector = await h.joinProjector(session);
  ana = await h.joinStudent(session, 'Ana');
  al = await h.joinStudent(session, 'Al');
  wei = await h.joinStudent(session, 'Wei');
  sasha = await h.joinStudent(session, 'Sasha');
  cy = await h.joinStudent(session, 'Cy');
  for (const [p, seat] of [
    [ana, 'us'],
    [al, 'us'],
    [wei, 'china'],
    [sasha, 'russia'],
    [cy, 'observer'],
  ] as const)
    await p.room.request('chooseSeat', { seat });
  everyone = [teacher, projector, ana, al, wei, sasha, cy];
});
afterAll(async () => {
  await h?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('roles', () => {
  it('every client reads the roles in MemberState.roles: the head, and the rest by order of sitting', async () => {
    await eventually(() => {
      for (const viewer of everyone) {
        expect(memberOf(viewer, idOf(ana))?.roles, who(viewer)).toBe('head,spokesperson');
        expect(memberOf(viewer, idOf(al))?.roles, who(viewer)).toBe('diplomat,legal,commander,analyst');
        expect(memberOf(viewer, idOf(wei))?.roles, who(viewer)).toBe(
          'head,spokesperson,diplomat,legal,commander,analyst',
        );
        expect(memberOf(viewer, idOf(cy))?.roles, who(viewer)).toBe('');
      }
    });
  });

  it("the teacher's setRole moves the roles, and a student who leaves a delegation holds none", async () => {
    await teacher.room.request('setRole', { memberId: idOf(al), role: 'head' });
    await eventually(() => {
      for (const viewer of [teacher, projector, ana, sasha]) {
        expect(memberOf(viewer, idOf(al))?.roles, who(viewer)).toBe('head,spokesperson');
        expect(memberOf(viewer, idOf(ana))?.roles, who(viewer)).toBe('diplomat,legal,commander,analyst');
      }
    });
    await teacher.room.request('setRole', { memberId: idOf(ana), role: 'head' });
    await eventually(() => expect(memberOf(projector, idOf(ana))?.roles).toBe('head,spokesperson'));

    // A member who moves to the gallery holds no role any more, and the team left behind holds them all.
    const rae = await h.joinStudent(session, 'Rae');
    await rae.room.request('chooseSeat', { seat: 'russia' });
    await eventually(() =>
      expect(memberOf(projector, idOf(rae))?.roles).toBe('diplomat,legal,commander,analyst'),
    );
    await rae.room.request('chooseSeat', { seat: 'observer' });
    await eventually(() => {
      expect(memberOf(projector, idOf(rae))?.roles).toBe('');
      expect(memberOf(projector, idOf(sasha))?.roles).toBe(
        'head,spokesperson,diplomat,legal,commander,analyst',
      );
    });
    const refusal = await refusalOf(
      teacher.room.request('setRole', { memberId: idOf(rae), role: 'analyst' }),
    );
    expect(refusal).toEqual({ code: 'notSeated', message: 'Rae does not sit at a delegation.' });
    await rae.room.leave();
  });
});

describe('talks', () => {
  beforeAll(async () => {
    await teacher.room.request('startSession', {});
    await teacher.room.request('advancePhase', seenBy(teacher));
    await eventually(() => expect(cy.room.state.phase).toBe('negotiation'));
  });

  it("a team's chat reaches its members and the teacher, never the other teams, observers or the projector", async () => {
    const mine = unique('US team: table the code of conduct');
    const reply = unique('US team: agreed, and ask Russia');
    await send(ana, 'team', mine);
    await send(al, 'team', reply);
    await eventually(() => {
      for (const p of [ana, al, teacher]) expect(teamChat(p, 'us'), who(p)).toEqual([mine, reply]);
    });
    const message = [...(chatOf(teacher).teams.get('us')?.chat ?? [])][0];
    expect(message).toMatchObject({ from: idOf(ana), nickname: 'Ana', seat: 'us', round: 1 });
    for (const p of [ana, al, teacher]) expect(framesContain(p, mine), who(p)).toBe(true);
    await expectNeverReached(mine, [wei, sasha, cy, projector]);
    await expectNeverReached(reply, [wei, sasha, cy, projector]);

    // Each team's chat is its own: China's and Russia's reach their own members and the teacher alone.
    const china = unique('China team: wait and see');
    const russia = unique('Russia team: propose the PPWT');
    await send(wei, 'team', china);
    await send(sasha, 'team', russia);
    await eventually(() => {
      expect(teamChat(teacher, 'china')).toEqual([china]);
      expect(teamChat(teacher, 'russia')).toEqual([russia]);
      expect(teamChat(wei, 'china')).toEqual([china]);
      expect(teamChat(sasha, 'russia')).toEqual([russia]);
    });
    await expectNeverReached(china, [ana, al, sasha, cy, projector]);
    await expectNeverReached(russia, [ana, al, wei, cy, projector]);
  });

  it('a US–China channel: its status is public, its words reach the US, China and the teacher alone', async () => {
    await ana.room.request('requestChannel', { with: 'china' });
    await eventually(() => {
      for (const p of everyone)
        expect(channel(p, 'us-china'), who(p)).toMatchObject({ status: 'requested', requestedBy: 'us' });
    });
    // Nothing can be said before China accepts.
    const early = unique('too early');
    refused.push(early);
    expect(await refusalOf(ana.room.request('sendMessage', { to: 'china', text: early }))).toMatchObject({
      code: 'channelClosed',
    });
    // Russia cannot accept for China, nor accept its own absence of a request.
    expect((await refusalOf(sasha.room.request('acceptChannel', { with: 'us' }))).code).toBe('nothingToDo');
    expect((await refusalOf(ana.room.request('acceptChannel', { with: 'china' }))).code).toBe('nothingToDo');

    await wei.room.request('acceptChannel', { with: 'us' });
    await eventually(() => {
      for (const p of everyone) expect(channel(p, 'us-china')?.status, who(p)).toBe('open');
      for (const p of everyone) expect(channel(p, 'us-russia')?.status, who(p)).toBe('closed');
    });

    const ask = unique('US to China: a moratorium on debris-making tests?');
    const answer = unique('China to US: only if it binds everyone');
    await send(ana, 'china', ask);
    await send(wei, 'us', answer);
    await eventually(() => {
      for (const p of [ana, al, wei, teacher])
        expect(channelTexts(p, 'us-china'), who(p)).toEqual([ask, answer]);
    });
    for (const p of [al, wei, teacher]) expect(framesContain(p, ask), who(p)).toBe(true);
    await expectNeverReached(ask, [sasha, cy, projector]);
    await expectNeverReached(answer, [sasha, cy, projector]);
    // Russia and the projector do know the channel is open.
    expect(channel(sasha, 'us-china')?.status).toBe('open');
    expect(channel(projector, 'us-china')?.status).toBe('open');

    // Closed by either side: the status changes for everyone, and nothing more can be said.
    await wei.room.request('closeChannel', { with: 'us' });
    await eventually(() => {
      for (const p of everyone)
        expect(channel(p, 'us-china'), who(p)).toMatchObject({ status: 'closed', requestedBy: '' });
    });
    const late = unique('after the close');
    refused.push(late);
    expect((await refusalOf(al.room.request('sendMessage', { to: 'china', text: late }))).code).toBe(
      'channelClosed',
    );
    await expectNeverReached(late, everyone);
  });

  it('the floor reaches everyone: delegations, observers, the projector and the teacher', async () => {
    const statement = unique('China tables the PPWT once more');
    await send(wei, 'floor', statement);
    const announcement = unique('Five minutes left in the negotiation');
    await teacher.room.request('announce', { text: announcement });
    accepted.push(announcement);
    await eventually(() => {
      for (const p of everyone) expect(floorTexts(p).slice(-2), who(p)).toEqual([statement, announcement]);
    });
    for (const p of everyone) {
      expect(framesContain(p, statement), who(p)).toBe(true);
      expect(framesContain(p, announcement), who(p)).toBe(true);
    }
    const last = [...chatOf(projector).floor].at(-1);
    expect(last).toMatchObject({ from: 'teacher', nickname: 'Teacher', seat: 'teacher', text: announcement });

    // Observers listen; they do not speak.
    const heckle = unique('from the gallery');
    refused.push(heckle);
    expect(await refusalOf(cy.room.request('sendMessage', { to: 'floor', text: heckle }))).toEqual({
      code: 'notSeated',
      message: 'Only delegations speak on the CD floor; observers listen.',
    });
    // The projector only watches.
    expect((await refusalOf(projector.room.request('sendMessage', { to: 'floor', text: heckle }))).code).toBe(
      'notAllowed',
    );
    await expectNeverReached(heckle, everyone);
  });

  it('a muted student is refused in words and everyone sees the mute; unmuting restores', async () => {
    await teacher.room.request('muteMember', { memberId: idOf(al), muted: true });
    await eventually(() => {
      for (const p of everyone) expect(memberOf(p, idOf(al))?.muted, who(p)).toBe(true);
    });
    const hushed = unique('muted words');
    refused.push(hushed);
    const version = serverState(session).version;
    for (const to of ['team', 'floor']) {
      expect(await refusalOf(al.room.request('sendMessage', { to, text: hushed }))).toEqual({
        code: 'muted',
        message: 'The teacher has muted your messages for now.',
      });
    }
    expect(serverState(session).version).toBe(version);
    await expectNeverReached(hushed, everyone);
    // A teammate still speaks.
    const teammate = unique('Ana speaks for the team');
    await send(ana, 'team', teammate);

    await teacher.room.request('muteMember', { memberId: idOf(al), muted: false });
    await eventually(() => {
      for (const p of everyone) expect(memberOf(p, idOf(al))?.muted, who(p)).toBe(false);
    });
    const back = unique('Al may speak again');
    await send(al, 'floor', back);
    await eventually(() => {
      for (const p of everyone) expect(floorTexts(p).at(-1), who(p)).toBe(back);
    });
  });

  it("the 6th message within 10 s is refused with 'tooFast' and changes nothing", async () => {
    // A fresh connection, so no earlier message counts in its window.
    const rae = await h.joinStudent(session, 'Ria');
    await teacher.room.request('assignSeat', { memberId: idOf(rae), seat: 'russia' });
    await eventually(() => expect(memberOf(rae, idOf(rae))?.seat).toBe('russia'));
    const burst = Array.from({ length: 5 }, (_, i) => unique(`Russia team, burst ${i + 1}`));
    for (const text of burst) await send(rae, 'team', text);
    await eventually(() => expect(teamChat(sasha, 'russia').slice(-5)).toEqual(burst));

    const before = JSON.stringify(serverState(session).toJSON());
    const sixth = unique('the sixth');
    refused.push(sixth);
    const refusal = await refusalOf(rae.room.request('sendMessage', { to: 'team', text: sixth }));
    expect(refusal).toEqual({ code: 'tooFast', message: 'Slow down: at most 5 messages in 10 seconds.' });
    // The handshake commands are not messages: they are not limited.
    expect((await refusalOf(rae.room.request('closeChannel', { with: 'us' }))).code).toBe('nothingToDo');
    expect(JSON.stringify(serverState(session).toJSON())).toBe(before);
    await expectNeverReached(sixth, everyone);
    // The limit is per connection: a teammate is not slowed down.
    const other = unique('Sasha is not limited');
    await send(sasha, 'team', other);
    await eventually(() => expect(teamChat(rae, 'russia').at(-1)).toBe(other));
    await rae.room.leave();
  });

  it('a student moved out of a delegation stops receiving its chat and channels', async () => {
    // A fresh China member, so Wei's rate-limit window does not matter here.
    const wu = await h.joinStudent(session, 'Wu');
    await teacher.room.request('assignSeat', { memberId: idOf(wu), seat: 'china' });
    await sasha.room.request('requestChannel', { with: 'china' });
    await wu.room.request('acceptChannel', { with: 'russia' });
    const before = unique('China to Russia, while Sasha sits with Russia');
    await send(wu, 'russia', before);
    await eventually(() => expect(channelTexts(sasha, 'china-russia')).toContain(before));

    await teacher.room.request('assignSeat', { memberId: idOf(sasha), seat: 'observer' });
    await eventually(() => expect(memberOf(sasha, idOf(sasha))?.seat).toBe('observer'));
    const team = unique('China team, Sasha gone to the gallery');
    const channelWords = unique('China to Russia, nobody left at the Russian desk');
    await send(wu, 'team', team);
    await send(wu, 'russia', channelWords);
    await eventually(() => {
      expect(channelTexts(teacher, 'china-russia').at(-1)).toBe(channelWords);
      expect(teamChat(wei, 'china').at(-1)).toBe(team);
    });
    await expectNeverReached(channelWords, [sasha, ana, al, cy, projector]);
    await expectNeverReached(team, [sasha, ana, al, cy, projector]);
  });

  it('a connection that arrives later reads what its seat may read of what was said before, and what follows', async () => {
    const earlier = [...(chatOf(teacher).teams.get('us')?.chat ?? [])].map((m) => m.text);
    const earlierChannel = channelTexts(teacher, 'us-china');
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlierChannel.length).toBeGreaterThan(0);
    // A second teacher tab, a late projector, and a late student the teacher seats with the US.
    const console2 = await h.joinTeacher(session);
    const board2 = await h.joinProjector(session);
    const amy = await h.joinStudent(session, 'Amy');
    await teacher.room.request('assignSeat', { memberId: idOf(amy), seat: 'us' });
    await eventually(() => {
      expect(teamChat(console2, 'us')).toEqual(earlier);
      expect(channelTexts(console2, 'us-china')).toEqual(earlierChannel);
      expect(teamChat(amy, 'us')).toEqual(earlier);
      expect(channelTexts(amy, 'us-china')).toEqual(earlierChannel);
    });
    await settle(board2);
    expect(teamChat(board2, 'us')).toEqual([]);
    expect(channelTexts(board2, 'us-china')).toEqual([]);
    for (const text of [...earlier, ...earlierChannel]) expect(framesContain(board2, text)).toBe(false);

    const next = unique('US team, after the latecomers');
    await send(ana, 'team', next);
    await eventually(() => {
      for (const p of [console2, amy]) expect(teamChat(p, 'us').at(-1), who(p)).toBe(next);
    });
    await expectNeverReached(next, [board2, wei, cy]);
  });

  it('every accepted message is in the session log, in order, and no refused one', async () => {
    const room = matchMaker.getLocalRoomById(session.roomId) as unknown as ServerRoom;
    const logs = new LogStore(join(dataDir, 'sessions'));
    const log = logs.open(room.sessionId);
    try {
      const said = log
        .entries()
        .map((e) => e.command)
        .filter((c) => c.type === 'sendMessage' || c.type === 'announce')
        .map((c) => (c as { text: string }).text);
      expect(said).toEqual(accepted);
      for (const text of refused) expect(said).not.toContain(text);
    } finally {
      log.close();
    }
  });
});
