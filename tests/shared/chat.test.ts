/**
 * Talks and roles in the rules: who may say what where (team chat, bilateral channels, the CD floor), the
 * channel handshake, the teacher's announcements and mutes, how many messages the live state keeps, and
 * which roles each member of a delegation holds.
 */
import { describe, expect, it } from 'vitest';
import { DELEGATIONS } from '../../shared/model/seats.ts';
import type { RefusalCode } from '../../shared/session/refusal.ts';
import { applyCommand } from '../../shared/session/apply.ts';
import {
  CHAT_KEEP,
  type Message,
  PAIRS,
  type Pair,
  pairOf,
  partiesOf,
  post,
  ROLES,
} from '../../shared/session/chat.ts';
import type { Actor, SessionCommand } from '../../shared/session/commands.ts';
import { headOf, rolesOf, type SessionModel } from '../../shared/session/model.ts';
import { accept, ctx, deepFreeze, member, refuse, system, teacher, testSession } from './testSession.ts';
import { expectPlain } from './expectPlain.ts';

/**
 * m1 Ana and m2 Al at the US desk, m3 Wei at China's, m4 Sasha at Russia's, m5 Cy in the gallery, m6 Bo not
 * seated yet.
 */
const CLASS = ['Ana@us', 'Al@us', 'Wei@china', 'Sasha@russia', 'Cy@observer', 'Bo'];
const ana = member('m1');
const al = member('m2');
const wei = member('m3');
const sasha = member('m4');
const cy = member('m5');
const bo = member('m6');

type Phase = 'lobby' | 'briefing' | 'negotiation' | 'orders' | 'resolution' | 'debrief' | 'ended';
const at = (phase: Phase = 'negotiation') => testSession({ members: CLASS, at: phase });
/** The session with these commands applied in order, each of which must be accepted. */
const applied = (given: SessionModel, ...steps: [Actor, SessionCommand][]): SessionModel =>
  steps.reduce((state, [actor, command]) => accept(state, actor, command).state, given);

const say = (to: 'team' | 'floor' | 'us' | 'china' | 'russia', text = 'Shall we talk?'): SessionCommand => ({
  type: 'sendMessage',
  to,
  text,
});
const request = (d: 'us' | 'china' | 'russia'): SessionCommand => ({ type: 'requestChannel', with: d });
const acceptWith = (d: 'us' | 'china' | 'russia'): SessionCommand => ({ type: 'acceptChannel', with: d });
const close = (d: 'us' | 'china' | 'russia'): SessionCommand => ({ type: 'closeChannel', with: d });
const mute = (memberId: string, muted = true): SessionCommand => ({ type: 'muteMember', memberId, muted });
const setRole = (
  memberId: string,
  role: (typeof ROLES)[number] | 'none',
): Extract<SessionCommand, { type: 'setRole' }> => ({ type: 'setRole', memberId, role });

/** The US asked China for a channel; China has not answered. */
const requested = () => applied(at(), [ana, request('china')]);
/** The US and China agreed: their channel is open. */
const open = () => applied(requested(), [wei, acceptWith('us')]);
const muted = () => applied(at(), [teacher, mute('m1')]);

type LegalityRow = [string, () => SessionModel, Actor, SessionCommand, RefusalCode | 'accepted'];

/** Each row is accepted, or refused with the given code and a plain message; a refusal changes nothing. */
function legality(rows: LegalityRow[]) {
  it.each(rows)('%s', (_why, given, actor, command, expected) => {
    const state = deepFreeze(given());
    const outcome = applyCommand(state, actor, command, ctx);
    if (expected === 'accepted') {
      expect(outcome.ok ? 'accepted' : outcome.refusal).toBe('accepted');
      if (outcome.ok) expect(outcome.state.version).toBe(state.version + 1);
    } else {
      expect(outcome.ok ? 'accepted' : outcome.refusal.code).toBe(expected);
      if (!outcome.ok) expectPlain(outcome.refusal);
    }
  });
}

/** Every message list of the chat, by name, for checks that only one of them changed. */
function lists(state: SessionModel): Record<string, Message[]> {
  return {
    floor: state.chat.floor,
    ...Object.fromEntries(DELEGATIONS.map((d) => [`team:${d}`, state.chat.team[d]])),
    ...Object.fromEntries(PAIRS.map((p) => [`channel:${p}`, state.chat.channels[p].messages])),
  };
}

/** Names the lists that differ between two states. */
function changedLists(before: SessionModel, after: SessionModel): string[] {
  const a = lists(before);
  const b = lists(after);
  return Object.keys(a).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

describe('pairs', () => {
  it('name each channel by its two delegations in table order, whoever asks', () => {
    expect(pairOf('us', 'china')).toBe('us-china');
    expect(pairOf('china', 'us')).toBe('us-china');
    expect(pairOf('russia', 'us')).toBe('us-russia');
    expect(pairOf('russia', 'china')).toBe('china-russia');
    for (const p of PAIRS) expect(pairOf(...partiesOf(p))).toBe(p);
  });
});

describe('sendMessage', () => {
  describe('legality', () =>
    legality([
      ['to the team, negotiating', at, ana, say('team'), 'accepted'],
      ['to the team, in the lobby', () => at('lobby'), ana, say('team'), 'accepted'],
      ...(['briefing', 'orders', 'resolution', 'debrief'] as const).map(
        (phase): LegalityRow => [
          `to the team, in the ${phase} phase`,
          () => at(phase),
          ana,
          say('team'),
          'accepted',
        ],
      ),
      ['to the team, after the end', () => at('ended'), ana, say('team'), 'wrongStage'],
      ['to the team, from the gallery', at, cy, say('team'), 'notSeated'],
      ['to the team, not seated', at, bo, say('team'), 'notSeated'],
      [
        'to the team, away (a phone asleep) but still seated',
        () => testSession({ members: ['Ana@us!away', 'Al@us'], at: 'negotiation' }),
        ana,
        say('team'),
        'accepted',
      ],
      ['on the floor, from a delegation', at, wei, say('floor'), 'accepted'],
      ['on the floor, in the lobby', () => at('lobby'), wei, say('floor'), 'accepted'],
      ['on the floor, from the gallery', at, cy, say('floor'), 'notSeated'],
      ['on the floor, not seated', at, bo, say('floor'), 'notSeated'],
      ['on the floor, after the end', () => at('ended'), wei, say('floor'), 'wrongStage'],
      ['to a delegation, no channel', at, ana, say('china'), 'channelClosed'],
      ['to a delegation, asked but not accepted', requested, ana, say('china'), 'channelClosed'],
      ['to a delegation, asked by the other side', requested, wei, say('us'), 'channelClosed'],
      ['to a delegation, channel open', open, ana, say('china'), 'accepted'],
      ['to a delegation, channel open, from the other side', open, wei, say('us'), 'accepted'],
      ['to a delegation, channel open, from a teammate', open, al, say('china'), 'accepted'],
      ['to a third delegation, over the US–China channel', open, sasha, say('china'), 'channelClosed'],
      [
        'to a delegation, channel closed again',
        () => applied(open(), [wei, close('us')]),
        ana,
        say('china'),
        'channelClosed',
      ],
      ['to its own delegation', open, ana, say('us'), 'nothingToDo'],
      ['to a delegation, from the gallery', open, cy, say('china'), 'notSeated'],
      ['to a delegation, not seated', open, bo, say('china'), 'notSeated'],
      ['to the team, muted', muted, ana, say('team'), 'muted'],
      ['on the floor, muted', muted, ana, say('floor'), 'muted'],
      ['to a delegation, muted', () => applied(open(), [teacher, mute('m1')]), ana, say('china'), 'muted'],
      ['a teammate of a muted student', muted, al, say('team'), 'accepted'],
      [
        'muted, then unmuted',
        () => applied(muted(), [teacher, mute('m1', false)]),
        ana,
        say('floor'),
        'accepted',
      ],
      ['from the teacher (announce instead)', at, teacher, say('floor'), 'notAllowed'],
      ['from the room', at, system, say('floor'), 'notAllowed'],
      [
        'from a student who has gone',
        () => testSession({ members: ['Ana@us!gone', 'Al@us'] }),
        ana,
        say('team'),
        'unknownMember',
      ],
    ]));

  it('the refusal to a muted student is the plain sentence', () => {
    expect(refuse(muted(), ana, say('team'))).toEqual({
      code: 'muted',
      message: 'The teacher has muted your messages for now.',
    });
  });

  it('the refusal to an observer on the floor says observers listen', () => {
    expect(refuse(at(), cy, say('floor')).message).toBe(
      'Only delegations speak on the CD floor; observers listen.',
    );
  });

  it("a team message goes to the sender's team alone, with who, where and when", () => {
    const given = at();
    const { state, events } = accept(given, ana, say('team', 'Ask Russia about the RD-180 deal'));
    expect(state.chat.team.us).toEqual([
      { id: 1, from: 'm1', nickname: 'Ana', seat: 'us', text: 'Ask Russia about the RD-180 deal', round: 1 },
    ]);
    expect(changedLists(given, state)).toEqual(['team:us']);
    expect(state.chat.nextId).toBe(2);
    expect(events).toEqual([{ type: 'messagePosted', to: 'team', messageId: 1 }]);
  });

  it('a floor statement goes to the floor alone', () => {
    const given = at();
    const { state, events } = accept(given, wei, say('floor', 'China tables the PPWT again.'));
    expect(state.chat.floor).toEqual([
      { id: 1, from: 'm3', nickname: 'Wei', seat: 'china', text: 'China tables the PPWT again.', round: 1 },
    ]);
    expect(changedLists(given, state)).toEqual(['floor']);
    expect(events).toEqual([{ type: 'messagePosted', to: 'floor', messageId: 1 }]);
  });

  it('a channel message goes to that channel alone, from either side', () => {
    const given = open();
    const first = accept(given, ana, say('china', 'A moratorium on debris tests?'));
    const second = accept(first.state, wei, say('us', 'Only if it binds everyone.'));
    expect(second.state.chat.channels['us-china'].messages.map((m) => [m.from, m.seat, m.text])).toEqual([
      ['m1', 'us', 'A moratorium on debris tests?'],
      ['m3', 'china', 'Only if it binds everyone.'],
    ]);
    expect(changedLists(given, second.state)).toEqual(['channel:us-china']);
    expect(first.events).toEqual([{ type: 'messagePosted', to: 'china', messageId: 1 }]);
    expect(second.events).toEqual([{ type: 'messagePosted', to: 'us', messageId: 2 }]);
  });

  it('numbers messages across every list, in the order they were said, with the round', () => {
    let state = open();
    for (const [actor, to] of [
      [ana, 'team'],
      [wei, 'floor'],
      [wei, 'us'],
      [sasha, 'team'],
    ] as const)
      state = accept(state, actor, say(to)).state;
    const all = Object.values(lists(state)).flat();
    expect(all.map((m) => m.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    state = applied(
      state,
      ...Array.from({ length: 5 }, (): [Actor, SessionCommand] => [teacher, { type: 'advancePhase' }]),
    );
    expect(state.round).toBe(2);
    expect(accept(state, ana, say('team')).state.chat.team.us.at(-1)).toMatchObject({ id: 5, round: 2 });
  });

  it('keeps the text exactly as written: no markup is interpreted by the rules', () => {
    const text = '<img src=x onerror=alert(1)> & "quotes"';
    expect(accept(at(), ana, say('team', text)).state.chat.team.us[0]?.text).toBe(text);
  });

  it('a refusal changes nothing, not even the message counter', () => {
    const given = deepFreeze(muted());
    expect(applyCommand(given, ana, say('team'), ctx).ok).toBe(false);
    expect(given.chat.nextId).toBe(1);
    expect(accept(given, al, say('team')).state.chat.team.us[0]?.id).toBe(1);
  });
});

describe('CHAT_KEEP', () => {
  it('post keeps the last CHAT_KEEP messages, oldest dropped first', () => {
    const list: Message[] = [];
    for (let id = 1; id <= CHAT_KEEP + 5; id++)
      post(list, { id, from: 'm1', nickname: 'Ana', seat: 'us', text: `#${id}`, round: 1 });
    expect(list).toHaveLength(CHAT_KEEP);
    expect(list[0]?.id).toBe(6);
    expect(list.at(-1)?.id).toBe(CHAT_KEEP + 5);
  });

  it.each([
    ['the team chat', 'team', (s: SessionModel) => s.chat.team.us],
    ['the floor', 'floor', (s: SessionModel) => s.chat.floor],
    ['a channel', 'china', (s: SessionModel) => s.chat.channels['us-china'].messages],
  ] as const)('%s keeps the last %s messages and the counter runs on', (_name, to, listOf) => {
    let state = open();
    for (let i = 1; i <= CHAT_KEEP + 3; i++)
      state = accept(state, i % 2 ? ana : al, say(to, `message ${i}`)).state;
    const list = listOf(state);
    expect(list).toHaveLength(CHAT_KEEP);
    expect(list[0]?.text).toBe('message 4');
    expect(list.at(-1)?.text).toBe(`message ${CHAT_KEEP + 3}`);
    expect(state.chat.nextId).toBe(CHAT_KEEP + 4);
    // The other lists are untouched by the overflow.
    expect(changedLists(open(), state)).toEqual([
      to === 'team' ? 'team:us' : to === 'floor' ? 'floor' : 'channel:us-china',
    ]);
  });
});

describe('the channel handshake', () => {
  describe('legality', () =>
    legality([
      ['asking, no channel yet', at, ana, request('china'), 'accepted'],
      ['asking again, already asked', requested, al, request('china'), 'nothingToDo'],
      ['asking back, when the other side asked', requested, wei, request('us'), 'accepted'],
      ['asking, already open', open, ana, request('china'), 'nothingToDo'],
      ['asking one delegation while another channel is open', open, ana, request('russia'), 'accepted'],
      ['asking its own delegation', at, ana, request('us'), 'nothingToDo'],
      ['asking from the gallery', at, cy, request('china'), 'notSeated'],
      ['asking, not seated', at, bo, request('china'), 'notSeated'],
      ['asking, in the lobby', () => at('lobby'), ana, request('china'), 'accepted'],
      ['asking, after the end', () => at('ended'), ana, request('china'), 'wrongStage'],
      ['asking, muted (the handshake is not a message)', muted, ana, request('china'), 'accepted'],
      ['accepting, when asked', requested, wei, acceptWith('us'), 'accepted'],
      ['accepting your own request', requested, ana, acceptWith('china'), 'nothingToDo'],
      ['accepting your teammate’s request', requested, al, acceptWith('china'), 'nothingToDo'],
      ['accepting, nobody asked', at, wei, acceptWith('us'), 'nothingToDo'],
      ['accepting, already open', open, wei, acceptWith('us'), 'nothingToDo'],
      ['accepting a channel between two others', requested, sasha, acceptWith('us'), 'nothingToDo'],
      ['accepting, from the gallery', requested, cy, acceptWith('us'), 'notSeated'],
      [
        'accepting, after the end',
        () => applied(requested(), [teacher, { type: 'endSession' }]),
        wei,
        acceptWith('us'),
        'wrongStage',
      ],
      ['closing an open channel', open, wei, close('us'), 'accepted'],
      ['closing, from the side that asked', open, ana, close('china'), 'accepted'],
      ['closing a request (withdrawing it)', requested, ana, close('china'), 'accepted'],
      ['closing a request (declining it)', requested, wei, close('us'), 'accepted'],
      ['closing, nothing open', at, ana, close('china'), 'nothingToDo'],
      ['closing another pair’s channel', open, sasha, close('china'), 'nothingToDo'],
      ['closing its own delegation', open, ana, close('us'), 'nothingToDo'],
      ['closing, not seated', open, bo, close('china'), 'notSeated'],
      ['from the teacher', requested, teacher, acceptWith('us'), 'notAllowed'],
    ]));

  it('a request waits for the other side, and names who asked', () => {
    const { state, events } = accept(at(), ana, request('china'));
    expect(state.chat.channels['us-china']).toEqual({ status: 'requested', requestedBy: 'us', messages: [] });
    expect(state.chat.channels['us-russia'].status).toBe('closed');
    expect(state.chat.channels['china-russia'].status).toBe('closed');
    expect(events).toEqual([{ type: 'channelChanged', pair: 'us-china', status: 'requested' }]);
  });

  it("the other side's accept opens it", () => {
    const { state, events } = accept(requested(), wei, acceptWith('us'));
    expect(state.chat.channels['us-china'].status).toBe('open');
    expect(events).toEqual([{ type: 'channelChanged', pair: 'us-china', status: 'open' }]);
  });

  it("the other side's own request opens it too: both sides agreed", () => {
    const { state, events } = accept(requested(), wei, request('us'));
    expect(state.chat.channels['us-china'].status).toBe('open');
    expect(events).toEqual([{ type: 'channelChanged', pair: 'us-china', status: 'open' }]);
  });

  it('accepting your own request is refused in words and changes nothing', () => {
    const given = deepFreeze(requested());
    const refusal = refuse(given, ana, acceptWith('china'));
    expect(refusal).toEqual({ code: 'nothingToDo', message: 'China has not asked for a channel with you.' });
    expect(given.chat.channels['us-china'].status).toBe('requested');
  });

  it('closing forgets who asked, keeps what was said, and a new handshake is needed', () => {
    const talked = applied(open(), [ana, say('china', 'Before we close: thank you.')]);
    const { state, events } = accept(talked, wei, close('us'));
    expect(state.chat.channels['us-china']).toMatchObject({ status: 'closed', requestedBy: undefined });
    expect(state.chat.channels['us-china'].messages.map((m) => m.text)).toEqual([
      'Before we close: thank you.',
    ]);
    expect(events).toEqual([{ type: 'channelChanged', pair: 'us-china', status: 'closed' }]);
    const reopened = applied(state, [wei, request('us')]);
    expect(reopened.chat.channels['us-china']).toMatchObject({ status: 'requested', requestedBy: 'china' });
    expect(applied(reopened, [ana, acceptWith('china')]).chat.channels['us-china'].status).toBe('open');
  });

  it('each pair has its own channel', () => {
    const state = applied(at(), [ana, request('china')], [sasha, request('us')], [wei, request('russia')]);
    expect(
      Object.fromEntries(
        (PAIRS as readonly Pair[]).map((p) => [
          p,
          [state.chat.channels[p].status, state.chat.channels[p].requestedBy],
        ]),
      ),
    ).toEqual({
      'us-china': ['requested', 'us'],
      'us-russia': ['requested', 'russia'],
      'china-russia': ['requested', 'china'],
    });
  });
});

describe('announce', () => {
  const announce = (text: string): SessionCommand => ({ type: 'announce', text });
  describe('legality', () =>
    legality([
      ['in the lobby', () => at('lobby'), teacher, announce('Welcome.'), 'accepted'],
      ['while playing', at, teacher, announce('Two minutes left.'), 'accepted'],
      ['after the end, for the debrief', () => at('ended'), teacher, announce('Well played.'), 'accepted'],
      ['from a student', at, ana, announce('I am the teacher now.'), 'notAllowed'],
      ['from the room', at, system, announce('Hello.'), 'notAllowed'],
    ]));

  it('goes to the floor as "Teacher", in the current round', () => {
    const given = at('orders');
    const { state, events } = accept(given, teacher, announce('Two minutes left to confirm orders.'));
    expect(state.chat.floor).toEqual([
      {
        id: 1,
        from: 'teacher',
        nickname: 'Teacher',
        seat: 'teacher',
        text: 'Two minutes left to confirm orders.',
        round: 1,
      },
    ]);
    expect(changedLists(given, state)).toEqual(['floor']);
    expect(events).toEqual([{ type: 'messagePosted', to: 'floor', messageId: 1 }]);
  });
});

describe('muteMember', () => {
  describe('legality', () =>
    legality([
      ['a student', at, teacher, mute('m1'), 'accepted'],
      ['an observer', at, teacher, mute('m5'), 'accepted'],
      ['a student already muted', muted, teacher, mute('m1'), 'nothingToDo'],
      ['unmuting a muted student', muted, teacher, mute('m1', false), 'accepted'],
      ['unmuting a student who is not muted', at, teacher, mute('m1', false), 'nothingToDo'],
      ['a member id never seen', at, teacher, mute('m99'), 'unknownMember'],
      ['from a student', at, al, mute('m1'), 'notAllowed'],
    ]));

  it('marks the member muted, and unmuting leaves no trace', () => {
    const given = at();
    const { state, events } = accept(given, teacher, mute('m1'));
    expect(state.members.m1?.muted).toBe(true);
    expect(events).toEqual([{ type: 'memberMuted', memberId: 'm1', muted: true }]);
    const back = accept(state, teacher, mute('m1', false));
    expect(back.state.members.m1).toEqual(given.members.m1);
    expect(back.events).toEqual([{ type: 'memberMuted', memberId: 'm1', muted: false }]);
  });

  it('keeps what the student said before; the teacher and the teammates still speak', () => {
    const said = applied(at(), [ana, say('floor', 'Before the mute.')]);
    const state = applied(
      said,
      [teacher, mute('m1')],
      [al, say('floor', 'After the mute.')],
      [teacher, { type: 'announce', text: 'Calm down.' }],
    );
    expect(state.chat.floor.map((m) => m.text)).toEqual([
      'Before the mute.',
      'After the mute.',
      'Calm down.',
    ]);
  });
});

describe('rolesOf', () => {
  const roles = (members: string[], ...steps: [Actor, SessionCommand][]) =>
    rolesOf(applied(testSession({ members, at: 'negotiation' }), ...steps), 'us');
  const team = (n: number) => Array.from({ length: n }, (_, i) => `S${i + 1}@us`);

  it('a team of one holds every role', () => {
    expect(roles(['Ana@us'])).toEqual({
      m1: ['head', 'spokesperson', 'diplomat', 'legal', 'commander', 'analyst'],
    });
  });

  // The pack's plan (content/pack/roles.json, "sharing"): below six, roles pair up, the head stays free to decide.
  it('a team of two: the head speaks for the team, the other holds the rest', () => {
    expect(roles(['Ana@us', 'Al@us'])).toEqual({
      m1: ['head', 'spokesperson'],
      m2: ['diplomat', 'legal', 'commander', 'analyst'],
    });
  });

  it('a team of three: diplomat with legal adviser, commander with analyst', () => {
    expect(roles(team(3))).toEqual({
      m1: ['head', 'spokesperson'],
      m2: ['diplomat', 'legal'],
      m3: ['commander', 'analyst'],
    });
  });

  it('a team of four and five, as the pack plans them', () => {
    expect(roles(team(4))).toEqual({
      m1: ['head', 'spokesperson'],
      m2: ['diplomat'],
      m3: ['legal'],
      m4: ['commander', 'analyst'],
    });
    expect(roles(team(5))).toEqual({
      m1: ['head', 'spokesperson'],
      m2: ['diplomat'],
      m3: ['legal'],
      m4: ['commander'],
      m5: ['analyst'],
    });
  });

  it('a team of six: one role each, in the order they sat down', () => {
    expect(roles(team(6))).toEqual({
      m1: ['head'],
      m2: ['diplomat'],
      m3: ['legal'],
      m4: ['commander'],
      m5: ['analyst'],
      m6: ['spokesperson'],
    });
  });

  it('from the seventh member on, roles are shared: analyst, diplomat, commander, spokesperson', () => {
    const ten = roles(team(10));
    expect([ten.m7, ten.m8, ten.m9, ten.m10]).toEqual([
      ['analyst'],
      ['diplomat'],
      ['commander'],
      ['spokesperson'],
    ]);
  });

  it('every role is held in a team of one to ten: once each up to six, and every member holds one', () => {
    for (let n = 1; n <= 10; n++) {
      const held = roles(team(n));
      expect(new Set(Object.values(held).flat())).toEqual(new Set(ROLES));
      for (const r of Object.values(held)) expect(r.length).toBeGreaterThan(0);
      if (n <= 6) expect(Object.values(held).flat()).toHaveLength(ROLES.length);
      else expect(Object.values(held).every((r) => r.length === 1)).toBe(true);
    }
  });

  it('other delegations and the gallery are not counted', () => {
    expect(roles(['Ana@us', 'Wei@china', 'Al@us', 'Cy@observer', 'Amy@us', 'Abe@us', 'Ari@us'])).toEqual({
      m1: ['head', 'spokesperson'],
      m3: ['diplomat'],
      m5: ['legal'],
      m6: ['commander'],
      m7: ['analyst'],
    });
  });

  it("the teacher's setRole moves a role to another member, and the others fill in around it", () => {
    expect(roles(['Ana@us', 'Al@us', 'Amy@us'], [teacher, setRole('m3', 'diplomat')])).toEqual({
      m1: ['head', 'spokesperson'],
      m2: ['legal', 'commander', 'analyst'],
      m3: ['diplomat'],
    });
  });

  it('a setRole logged before sharing: giving a role takes it from whoever held it', () => {
    const state = applied(
      testSession({ members: ['Ana@us', 'Al@us', 'Amy@us'], at: 'negotiation' }),
      [teacher, setRole('m2', 'analyst')],
      [teacher, setRole('m3', 'analyst')],
    );
    expect(state.members.m2?.role).toBeUndefined();
    expect(state.members.m3?.role).toBe('analyst');
    expect(rolesOf(state, 'us')).toEqual({
      m1: ['head', 'spokesperson'],
      m2: ['diplomat', 'legal', 'commander'],
      m3: ['analyst'],
    });
  });

  it('a shared setRole: the others who hold the role keep it', () => {
    const state = applied(
      testSession({ members: team(8), at: 'negotiation' }),
      [teacher, { ...setRole('m2', 'legal'), shared: true }],
      [teacher, { ...setRole('m8', 'legal'), shared: true }],
    );
    expect([state.members.m2?.role, state.members.m8?.role]).toEqual(['legal', 'legal']);
    const held = rolesOf(state, 'us');
    expect([held.m2, held.m8]).toEqual([['legal'], ['legal']]);
    expect(new Set(Object.values(held).flat())).toEqual(new Set(ROLES));
  });

  it("head via setRole sets the team's headId, and the former head takes a free role", () => {
    const given = testSession({ members: ['Ana@us', 'Al@us'], at: 'negotiation' });
    expect(given.teams.us.headId).toBe('m1');
    const { state, events } = accept(given, teacher, setRole('m2', 'head'));
    expect(state.teams.us.headId).toBe('m2');
    expect(headOf(state, 'us')?.id).toBe('m2');
    expect(rolesOf(state, 'us')).toEqual({
      m1: ['diplomat', 'legal', 'commander', 'analyst'],
      m2: ['head', 'spokesperson'],
    });
    expect(events).toEqual([{ type: 'roleSet', memberId: 'm2', role: 'head' }]);
  });

  it('the new head gives up the role the teacher had given', () => {
    const state = applied(
      testSession({ members: ['Ana@us', 'Al@us', 'Amy@us'], at: 'negotiation' }),
      [teacher, setRole('m2', 'analyst')],
      [teacher, setRole('m2', 'head')],
    );
    expect(state.members.m2?.role).toBeUndefined();
    expect(rolesOf(state, 'us')).toEqual({
      m1: ['diplomat', 'legal'],
      m2: ['head', 'spokesperson'],
      m3: ['commander', 'analyst'],
    });
  });

  it("'none' hands the role back to the order of sitting down", () => {
    const state = applied(
      testSession({ members: ['Ana@us', 'Al@us', 'Amy@us'], at: 'negotiation' }),
      [teacher, setRole('m3', 'diplomat')],
      [teacher, setRole('m3', 'none')],
    );
    expect(state.members.m3?.role).toBeUndefined();
    expect(rolesOf(state, 'us')).toEqual(roles(['Ana@us', 'Al@us', 'Amy@us']));
  });

  it('the head given another role holds both, and nobody else holds it', () => {
    expect(roles(['Ana@us', 'Al@us'], [teacher, setRole('m1', 'diplomat')])).toEqual({
      m1: ['head', 'diplomat', 'spokesperson'],
      m2: ['legal', 'commander', 'analyst'],
    });
  });

  it('an acting head (the chosen head is away) holds the head role; the away head keeps a role', () => {
    const state = testSession({ members: ['Ana@us!away', 'Al@us'], at: 'negotiation' });
    expect(state.teams.us.headId).toBe('m1');
    expect(headOf(state, 'us')?.id).toBe('m2');
    expect(rolesOf(state, 'us')).toEqual({
      m1: ['diplomat', 'legal', 'commander', 'analyst'],
      m2: ['head', 'spokesperson'],
    });
  });

  it('a member who has gone holds no role', () => {
    expect(rolesOf(testSession({ members: ['Ana@us!gone', 'Al@us'], at: 'negotiation' }), 'us')).toEqual({
      m2: ['head', 'spokesperson', 'diplomat', 'legal', 'commander', 'analyst'],
    });
  });

  it('an empty delegation has no roles to give', () => {
    expect(rolesOf(at(), 'us')).toMatchObject({ m1: ['head', 'spokesperson'] });
    expect(rolesOf(testSession({ members: ['Wei@china'] }), 'us')).toEqual({});
  });
});

describe('setRole', () => {
  describe('legality', () =>
    legality([
      ['a seated student', at, teacher, setRole('m2', 'analyst'), 'accepted'],
      ['head, to a seated student', at, teacher, setRole('m2', 'head'), 'accepted'],
      [
        'none, to a student with a given role',
        () => applied(at(), [teacher, setRole('m2', 'analyst')]),
        teacher,
        setRole('m2', 'none'),
        'accepted',
      ],
      ['an observer', at, teacher, setRole('m5', 'analyst'), 'notSeated'],
      ['a student not seated', at, teacher, setRole('m6', 'analyst'), 'notSeated'],
      ['a member id never seen', at, teacher, setRole('m99', 'analyst'), 'unknownMember'],
      [
        'a student who has gone',
        () => testSession({ members: ['Ana@us!gone', 'Al@us'], at: 'negotiation' }),
        teacher,
        setRole('m1', 'analyst'),
        'unknownMember',
      ],
      ['from a student', at, ana, setRole('m1', 'diplomat'), 'notAllowed'],
      [
        'the role the student already holds',
        () => applied(at(), [teacher, setRole('m2', 'analyst')]),
        teacher,
        setRole('m2', 'analyst'),
        'nothingToDo',
      ],
      ['head, to the head', at, teacher, setRole('m1', 'head'), 'nothingToDo'],
      ['none, to a student with no given role', at, teacher, setRole('m2', 'none'), 'nothingToDo'],
    ]));

  it('says what changed', () => {
    const { state, events } = accept(at(), teacher, setRole('m2', 'commander'));
    expect(state.members.m2?.role).toBe('commander');
    expect(events).toEqual([{ type: 'roleSet', memberId: 'm2', role: 'commander' }]);
  });
});
