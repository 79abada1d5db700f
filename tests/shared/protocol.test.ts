import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NICKNAME_MAX_LENGTH, nicknameKey, normalizeNickname } from '../../shared/model/nickname.ts';
import {
  DRAFT_MAX_LENGTH,
  firstIssue,
  JoinCode,
  JoinOptions,
  Nickname,
  SettingsPatch,
  ToServer,
  type ToServerName,
} from '../../shared/protocol/toServer.ts';
import { SENDERS } from '../../shared/session/apply.ts';

const SECRET = 'a'.repeat(40);

/** One valid payload per room message, and payloads the server must turn away before the rules see them. */
const MESSAGES: Record<ToServerName, { valid: unknown; malformed: [string, unknown][] }> = {
  chooseSeat: {
    valid: { seat: 'china' },
    malformed: [
      ['unseated is not a choice', { seat: 'unseated' }],
      ['unknown seat', { seat: 'france' }],
      ['missing seat', {}],
      ['extra key', { seat: 'us', memberId: 'm1' }],
    ],
  },
  editDraft: {
    valid: { text: 'Table a PPWT revision' },
    malformed: [
      ['draft one character too long', { text: 'x'.repeat(DRAFT_MAX_LENGTH + 1) }],
      ['number for text', { text: 42 }],
      ['extra key', { text: '', seat: 'us' }],
    ],
  },
  setOrders: {
    valid: {
      orders: [
        { kind: 'tableDraft', draft: 'ppwt' },
        { kind: 'launchSatellites', regime: 'leo', count: 2 },
        { kind: 'statement', stance: 'restraint', text: 'We will not be first.' },
      ],
    },
    malformed: [
      ['unknown order', { orders: [{ kind: 'nuke' }] }],
      ['missing field', { orders: [{ kind: 'tableDraft' }] }],
      ['too many satellites at once', { orders: [{ kind: 'launchSatellites', regime: 'leo', count: 9 }] }],
      ['seven orders', { orders: Array.from({ length: 7 }, () => ({ kind: 'debrisMitigation' })) }],
      ['statement too long', { orders: [{ kind: 'statement', stance: 'restraint', text: 'x'.repeat(281) }] }],
      ['extra key in an order', { orders: [{ kind: 'buildSsa', level: 5 }] }],
      ['orders not a list', { orders: { kind: 'buildSsa' } }],
    ],
  },
  setHead: {
    valid: { memberId: 'm4' },
    malformed: [['bad id', { memberId: 'teacher' }]],
  },
  pauseTimer: { valid: {}, malformed: [['extra key', { seconds: 3 }]] },
  writeAssessment: {
    valid: {
      incidentId: 'i7',
      suspect: 'china',
      confidence: 'moderate',
      why: 'Their ASAT test came the day before.',
    },
    malformed: [
      ['unknown suspect', { incidentId: 'i7', suspect: 'france', confidence: 'low', why: 'x' }],
      ['unknown confidence', { incidentId: 'i7', suspect: 'china', confidence: 'total', why: 'x' }],
      ['no reason', { incidentId: 'i7', suspect: 'china', confidence: 'low', why: '   ' }],
      ['reason too long', { incidentId: 'i7', suspect: 'china', confidence: 'low', why: 'x'.repeat(501) }],
      ['not an incident id', { incidentId: 'c4', suspect: 'china', confidence: 'low', why: 'x' }],
      ['missing confidence', { incidentId: 'i7', suspect: 'china', why: 'x' }],
    ],
  },
  resumeTimer: { valid: {}, malformed: [['extra key', { now: true }]] },
  extendTimer: {
    valid: { minutes: 2, from: { round: 1, phase: 'negotiation' } },
    malformed: [
      ['zero minutes', { minutes: 0, from: { round: 1, phase: 'negotiation' } }],
      ['an hour', { minutes: 60, from: { round: 1, phase: 'negotiation' } }],
      ['fraction', { minutes: 1.5, from: { round: 1, phase: 'negotiation' } }],
      ['no moment', { minutes: 2 }],
    ],
  },
  sendMessage: {
    valid: { to: 'team', text: 'Shall we table the code of conduct?' },
    malformed: [
      ['empty', { to: 'floor', text: '  ' }],
      ['too long', { to: 'team', text: 'x'.repeat(501) }],
      ['unknown channel', { to: 'france', text: 'Bonjour' }],
    ],
  },
  requestChannel: { valid: { with: 'china' }, malformed: [['unknown delegation', { with: 'france' }]] },
  acceptChannel: { valid: { with: 'us' }, malformed: [['missing', {}]] },
  closeChannel: { valid: { with: 'russia' }, malformed: [['extra key', { with: 'russia', now: true }]] },
  announce: { valid: { text: 'Five minutes left.' }, malformed: [['empty', { text: '' }]] },
  muteMember: {
    valid: { memberId: 'm2', muted: true },
    malformed: [['string flag', { memberId: 'm2', muted: 'yes' }]],
  },
  setRole: {
    valid: { memberId: 'm2', role: 'analyst' },
    malformed: [['unknown role', { memberId: 'm2', role: 'spy' }]],
  },
  seatBot: {
    valid: { delegation: 'russia', level: 'expert' },
    malformed: [
      ['unknown level', { delegation: 'russia', level: 'grandmaster' }],
      ['no delegation', { level: 'novice' }],
      ['an observer seat', { delegation: 'observer', level: 'novice' }],
    ],
  },
  unseatBot: {
    valid: { delegation: 'us' },
    malformed: [['unknown delegation', { delegation: 'eu' }]],
  },
  startPractice: {
    valid: { minutes: { briefing: 0.5, negotiation: 1.5, orders: 1.5, resolution: 0.5, debrief: 1 } },
    malformed: [
      ['a phase left out', { minutes: { briefing: 0.5, negotiation: 1.5, orders: 1.5, resolution: 0.5 } }],
      [
        'a phase under half a minute',
        { minutes: { briefing: 0, negotiation: 1, orders: 1, resolution: 1, debrief: 1 } },
      ],
      ['minutes as text', { minutes: '5' }],
    ],
  },
  endPractice: {
    valid: { from: { round: 0, phase: 'orders' } },
    malformed: [['no moment', {}]],
  },
  addBookmark: {
    valid: { note: 'Ask China why it blocked' },
    malformed: [
      ['an empty note', { note: '   ' }],
      ['a note too long', { note: 'x'.repeat(281) }],
    ],
  },
  injectCard: { valid: { cardId: 'p37-revised-ppwt' }, malformed: [['number id', { cardId: 37 }]] },
  injectCustom: {
    valid: {
      card: {
        title: 'A solar storm',
        briefing: 'A storm knocks out satellites.',
        arena: 'orbit',
        effects: [{ kind: 'debris', delta: 2 }],
      },
    },
    malformed: [
      [
        'no title',
        { card: { title: '', briefing: 'A storm knocks out satellites.', arena: 'orbit', effects: [] } },
      ],
      [
        'an unknown effect',
        {
          card: { title: 'A solar storm', briefing: 'A storm.', arena: 'orbit', effects: [{ kind: 'nuke' }] },
        },
      ],
      [
        'a change too large',
        {
          card: {
            title: 'A solar storm',
            briefing: 'A storm here.',
            arena: 'orbit',
            effects: [{ kind: 'tension', delta: 90 }],
          },
        },
      ],
      [
        'six effects',
        {
          card: {
            title: 'A solar storm',
            briefing: 'A storm here.',
            arena: 'orbit',
            effects: Array.from({ length: 6 }, () => ({ kind: 'debris', delta: 1 })),
          },
        },
      ],
    ],
  },
  submitOrders: {
    valid: {},
    malformed: [
      ['extra key', { orders: 'all' }],
      ['null', null],
      ['array', []],
    ],
  },
  updateSettings: {
    valid: { timersOn: false, phaseMinutes: { negotiation: 10 }, maxPerDelegation: 4 },
    malformed: [
      ['unknown phase', { phaseMinutes: { lunch: 3 } }],
      ['phase under half a minute', { phaseMinutes: { briefing: 0.1 } }],
      ['phase over an hour', { phaseMinutes: { briefing: 61 } }],
      ['fractional limit', { maxPerDelegation: 2.5 }],
      ['limit of zero', { maxPerDelegation: 0 }],
      ['string for a boolean', { timersOn: 'yes' }],
      ['extra key', { seed: 7 }],
    ],
  },
  lockTeams: {
    valid: { locked: true },
    malformed: [
      ['missing flag', {}],
      ['string flag', { locked: 'true' }],
    ],
  },
  assignSeat: {
    valid: { memberId: 'm12', seat: 'observer' },
    malformed: [
      ['member id of another shape', { memberId: 'x1', seat: 'us' }],
      ['member id too long', { memberId: 'm1234567', seat: 'us' }],
      ['unseated is not a choice', { memberId: 'm1', seat: 'unseated' }],
      ['extra key', { memberId: 'm1', seat: 'us', by: 'teacher' }],
    ],
  },
  removeMember: {
    valid: { memberId: 'm3' },
    malformed: [
      ['number id', { memberId: 3 }],
      ['extra key', { memberId: 'm3', reason: 'rude' }],
    ],
  },
  readmit: {
    valid: { nickname: 'Ana' },
    malformed: [
      ['missing nickname', {}],
      ['extra key', { nickname: 'Ana', memberId: 'm1' }],
    ],
  },
  restoreSeat: {
    valid: { memberId: 'm4', formerMemberId: 'm2' },
    malformed: [
      ['missing former member', { memberId: 'm4' }],
      ['bad former member', { memberId: 'm4', formerMemberId: '' }],
    ],
  },
  startSession: { valid: {}, malformed: [['extra key', { force: true }]] },
  advancePhase: {
    valid: { from: { round: 2, phase: 'negotiation' } },
    malformed: [
      ['extra key', { phase: 'orders' }],
      ['extra key beside the moment', { from: { round: 2, phase: 'orders' }, phase: 'orders' }],
      ['no moment', {}],
      ['an unknown phase', { from: { round: 2, phase: 'lunch' } }],
      ['a phase left out', { from: { round: 2 } }],
      ['a fractional round', { from: { round: 1.5, phase: 'orders' } }],
      ['a negative round', { from: { round: -1, phase: '' } }],
    ],
  },
  endSession: {
    valid: { from: { round: 0, phase: '' } }, // from the lobby: outside a round, the phase is ''
    malformed: [
      ['string', 'now'],
      ['no moment', {}],
      ['an undefined phase for the lobby', { from: { round: 0 } }],
    ],
  },
};

describe('room messages (ToServer)', () => {
  it('the table covers every message, and every message has a sender', () => {
    expect(Object.keys(MESSAGES).sort()).toEqual(Object.keys(ToServer).sort());
    expect(Object.keys(SENDERS).sort()).toEqual(Object.keys(ToServer).sort());
  });

  it.each(Object.entries(MESSAGES))('%s accepts a valid payload', (name, { valid }) => {
    expect(ToServer[name as ToServerName].safeParse(valid).success).toBe(true);
  });

  const malformed = Object.entries(MESSAGES).flatMap(([name, { malformed }]) =>
    malformed.map(([why, payload]) => [name, why, payload] as const),
  );
  it.each(malformed)('%s refuses a payload with %s', (name, _why, payload) => {
    const parsed = ToServer[name as ToServerName].safeParse(payload);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(firstIssue(parsed.error)).not.toBe('');
  });

  it('keeps a draft of exactly the maximum length', () => {
    expect(ToServer.editDraft.safeParse({ text: 'x'.repeat(DRAFT_MAX_LENGTH) }).success).toBe(true);
  });

  it('lets the teacher change one setting at a time', () => {
    expect(SettingsPatch.parse({})).toEqual({});
    expect(SettingsPatch.parse({ lockTeamsOnStart: false })).toEqual({ lockTeamsOnStart: false });
  });
});

describe('join options, by role', () => {
  it.each([
    ['student', { role: 'student', code: '7kq-3mx', nickname: '  Ana  ' }, { nickname: 'Ana' }],
    ['teacher', { role: 'teacher', code: '7KQ3MX', hostSecret: SECRET }, { hostSecret: SECRET }],
    ['projector', { role: 'projector', code: '7KQ 3MX' }, {}],
  ])('a %s joins with a normalized code', (_role, raw, expected) => {
    expect(JoinOptions.parse(raw)).toEqual({ ...(raw as object), code: '7KQ3MX', ...expected });
  });

  it.each([
    ['a student without a nickname', { role: 'student', code: '7KQ3MX' }, 'nickname'],
    [
      'a student with a host secret',
      { role: 'student', code: '7KQ3MX', nickname: 'Ana', hostSecret: SECRET },
      '',
    ],
    ['a teacher without a host secret', { role: 'teacher', code: '7KQ3MX' }, 'hostSecret'],
    [
      'a teacher with a short host secret',
      { role: 'teacher', code: '7KQ3MX', hostSecret: 'abc' },
      'hostSecret',
    ],
    ['a projector with a nickname', { role: 'projector', code: '7KQ3MX', nickname: 'Ana' }, ''],
    ['an unknown role', { role: 'admin', code: '7KQ3MX' }, 'role'],
    ['no role', { code: '7KQ3MX' }, 'role'],
    ['a bad code', { role: 'projector', code: '7KQ3M0' }, 'code'],
    ['no options at all', undefined, ''],
  ])('refuses %s', (_why, raw, field) => {
    const parsed = JoinOptions.safeParse(raw);
    expect(parsed.success).toBe(false);
    if (!parsed.success && field) expect(firstIssue(parsed.error)).toMatch(new RegExp(`^${field}: `));
  });

  it('says what is wrong with a host link in words', () => {
    const parsed = JoinOptions.safeParse({ role: 'teacher', code: '7KQ3MX', hostSecret: 'abc' });
    expect(!parsed.success && firstIssue(parsed.error)).toBe('hostSecret: That host link is not complete.');
  });
});

describe('nicknames', () => {
  it.each([
    ['  Ana  ', 'Ana'],
    ['Ana   Maria', 'Ana Maria'],
    ['Ana\r\nMaria', 'Ana Maria'],
    ['Ana\u00a0Maria', 'Ana Maria'],
    ['\u202eAna\u200b', 'Ana'],
    ['A\u0000n\u0007a\u007f', 'Ana'],
    ['Ana \u200b Maria', 'Ana Maria'],
    ['\ufeffAna', 'Ana'],
    ['Jose\u0301', 'José'],
  ])('normalizes %j to %j', (raw, expected) => {
    expect(Nickname.parse(raw)).toBe(expected);
    expect(normalizeNickname(raw)).toBe(expected);
  });

  it.each([
    ['', 'Type a nickname.'],
    ['   \t ', 'Type a nickname.'],
    ['\u200b\u0000', 'Type a nickname.'],
    ['x'.repeat(NICKNAME_MAX_LENGTH + 1), `A nickname is at most ${NICKNAME_MAX_LENGTH} characters.`],
  ])('refuses %j with a message a student understands', (raw, message) => {
    const parsed = Nickname.safeParse(raw);
    expect(!parsed.success && firstIssue(parsed.error)).toBe(message);
  });

  it('counts the limit after folding white space', () => {
    const padded = `  ${'x'.repeat(NICKNAME_MAX_LENGTH)}   `;
    expect(Nickname.parse(padded)).toHaveLength(NICKNAME_MAX_LENGTH);
  });

  it.each([
    ['Ana', ' ana '],
    ['ANA MARIA', 'ana\tmaria'],
    ['José', 'jose\u0301'],
  ])('%j and %j collide', (a, b) => {
    expect(nicknameKey(a)).toBe(nicknameKey(b));
  });

  const anyText = fc
    .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 30 })
    .map((points) => String.fromCodePoint(...points));
  it('normalizing twice changes nothing, and the result has no control or format characters', () => {
    fc.assert(
      // Any code point, lone surrogates included (what fc.string's 'binary' unit draws, without its seconds of
      // set-up on first use).
      fc.property(anyText, (raw) => {
        const once = normalizeNickname(raw);
        expect(normalizeNickname(once)).toBe(once);
        expect(once).not.toMatch(/[\p{Cc}\p{Cf}]|\s\s|^\s|\s$/u);
        expect(once.normalize('NFC')).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('join codes in messages', () => {
  it.each([
    ['7kq3mx', '7KQ3MX'],
    ['7kq-3mx', '7KQ3MX'],
    [' 7KQ 3MX\n', '7KQ3MX'],
  ])('normalizes %j to %j', (raw, expected) => {
    expect(JoinCode.parse(raw)).toBe(expected);
  });

  it.each([['7KQ3M0'], ['7KQ3M'], ['7KQ3MXX'], [''], ['7'.repeat(41)]])('refuses %j', (raw) => {
    const parsed = JoinCode.safeParse(raw);
    expect(!parsed.success && firstIssue(parsed.error)).toBe(
      'A join code is 6 letters and digits, as shown on the board.',
    );
  });
});

describe('firstIssue', () => {
  it('names the field, then says what is wrong', () => {
    const parsed = ToServer.editDraft.safeParse({ text: 'x'.repeat(DRAFT_MAX_LENGTH + 1) });
    expect(!parsed.success && firstIssue(parsed.error)).toMatch(/^text: \S.*2000/);
  });

  it('joins a nested path with dots', () => {
    const parsed = SettingsPatch.safeParse({ phaseMinutes: { briefing: 0 } });
    expect(!parsed.success && firstIssue(parsed.error)).toMatch(/^phaseMinutes\.briefing: \S/);
  });

  it('leaves out the path for a problem with the whole message', () => {
    const parsed = ToServer.submitOrders.safeParse({ extra: 1 });
    if (parsed.success) expect.fail('accepted an extra key');
    expect(firstIssue(parsed.error)).toBe(parsed.error.issues[0]?.message);
    expect(firstIssue(parsed.error)).toContain('"extra"');
  });

  it('still says something when there is no issue', () => {
    expect(firstIssue(new z.ZodError([]))).toBe('The message was not understood.');
  });
});

/** Regressions: one test per bug that once got through, named after what broke. */
describe('regressions', () => {
  it('a tab or line break between two names glued them together ("AnaMaria")', () => {
    expect(Nickname.parse('Ana\tMaria')).toBe('Ana Maria');
    expect(Nickname.parse('Ana\nMaria')).toBe('Ana Maria');
  });

  it('a zero-width joiner before an accent left a nickname that looked like "é" but did not collide with it', () => {
    expect(Nickname.parse('e\u200d\u0301')).toBe('\u00e9');
    expect(nicknameKey('e\u200d\u0301')).toBe(nicknameKey('\u00e9'));
  });

  it("a pasted nickname over 200 characters was refused in zod's words, not ours", () => {
    const parsed = Nickname.safeParse('x'.repeat(201));
    expect(!parsed.success && firstIssue(parsed.error)).toBe(
      `A nickname is at most ${NICKNAME_MAX_LENGTH} characters.`,
    );
  });
});
