/**
 * Every message a client sends to the server, declared once: the join options, then the room messages. The
 * server validates each with these schemas before the rules see it; the client types its calls from them.
 */
import { z } from 'zod';
import { CustomCard } from '../content/card.ts';
import { joinCodeProblem, normalizeJoinCode } from '../model/joinCode.ts';
import { nicknameProblem, normalizeNickname } from '../model/nickname.ts';
import { cleanText } from '../model/text.ts';
import { ROUND_PHASES } from '../model/phases.ts';
import { DELEGATIONS } from '../model/seats.ts';
import { BOT_LEVELS } from '../model/botLevels.ts';
import { OrderList } from '../rules/orders.ts';
import { MESSAGE_MAX_LENGTH, ROLES } from '../session/chat.ts';
import { ASSESSMENT_MAX_LENGTH, CONFIDENCES, SUSPECTS } from '../session/assessment.ts';

export const DRAFT_MAX_LENGTH = 2000;

/** Adds the issue a plain check function reports, so the browser form and the server say the same words. */
const check = (problem: (raw: string) => string | undefined) => (raw: string, ctx: z.RefinementCtx) => {
  const message = problem(raw);
  if (message) ctx.addIssue({ code: 'custom', message, fatal: true });
};

export const JoinCode = z.string().superRefine(check(joinCodeProblem)).transform(normalizeJoinCode);
export const Nickname = z.string().superRefine(check(nicknameProblem)).transform(normalizeNickname);

export const HostSecret = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'That host link is not complete.');
const MemberId = z.string().regex(/^m[0-9]{1,6}$/);
const SeatChoice = z.enum([...DELEGATIONS, 'observer']);
const Minutes = z.number().min(0.5).max(60);

/** The options a client gives when it joins a session's room, by role. */
export const JoinOptions = z.discriminatedUnion('role', [
  z.strictObject({
    role: z.literal('student'),
    code: JoinCode,
    nickname: Nickname,
    memberKey: z
      .string()
      .regex(/^[A-Za-z0-9_-]{20,64}$/)
      .optional(), // takes back this tab's seat after a restart
  }),
  z.strictObject({ role: z.literal('teacher'), code: JoinCode, hostSecret: HostSecret }),
  z.strictObject({ role: z.literal('projector'), code: JoinCode }),
]);
export type JoinOptions = z.input<typeof JoinOptions>;
/** Who a connection joins as; not to be confused with the roles inside a delegation (session/chat.ts). */
export type JoinRole = JoinOptions['role'];

/** What the teacher may change in the lobby; everything optional, so one field can change at a time. */
export const SettingsPatch = z.strictObject({
  scenarioId: z.string().max(40).optional(),
  timersOn: z.boolean().optional(),
  phaseMinutes: z
    .strictObject(Object.fromEntries(ROUND_PHASES.map((p) => [p, Minutes.optional()])))
    .optional(),
  lockTeamsOnStart: z.boolean().optional(),
  maxPerDelegation: z.number().int().min(1).max(10).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/**
 * The moment a command was sent from, as the sender's screen showed it: `{ round: 2, phase: 'negotiation' }`;
 * round 0 in the lobby, phase '' outside a round (as in the synced state). A command whose meaning depends on
 * the moment carries it as `from`, and the rules refuse it as stale once the session has moved on.
 */
export const Moment = z.strictObject({
  round: z.number().int().min(0).max(255),
  phase: z.enum([...ROUND_PHASES, '']),
});
export type Moment = z.infer<typeof Moment>;

/** Room messages, sent with `room.request(name, payload)`; the reply is `{ version }` or a refusal. */
export const ToServer = {
  // students
  chooseSeat: z.strictObject({ seat: SeatChoice }),
  editDraft: z.strictObject({
    text: z.string().overwrite(cleanText).max(DRAFT_MAX_LENGTH),
    // The desk's draftVersion the sender's text started from; an edit on an older one is refused (`conflict`).
    // Optional, so logs written before it fold as they did (their edits carry none and always apply).
    base: z.number().int().min(0).optional(),
  }),
  setOrders: z.strictObject({
    orders: OrderList.overwrite((l) =>
      l.map((o) => (o.kind === 'statement' ? { ...o, text: cleanText(o.text) } : o)),
    ),
  }),
  submitOrders: z.strictObject({}),
  // The team's reading of an incident it knows of: who did it, how sure, why (shared/session/assessment.ts).
  writeAssessment: z.strictObject({
    incidentId: z.string().regex(/^i[0-9]{1,6}$/),
    suspect: z.enum(SUSPECTS),
    confidence: z.enum(CONFIDENCES),
    why: z
      .string()
      .overwrite(cleanText)
      .trim()
      .min(1, 'Say why you think so.')
      .max(ASSESSMENT_MAX_LENGTH, `An assessment is at most ${ASSESSMENT_MAX_LENGTH} characters.`),
  }),
  // teacher
  updateSettings: SettingsPatch,
  lockTeams: z.strictObject({ locked: z.boolean() }),
  assignSeat: z.strictObject({ memberId: MemberId, seat: SeatChoice }),
  removeMember: z.strictObject({ memberId: MemberId }),
  readmit: z.strictObject({ nickname: Nickname }), // lets a removed student join again
  restoreSeat: z.strictObject({ memberId: MemberId, formerMemberId: MemberId }),
  startSession: z.strictObject({}),
  // The practice round before round 1 (nothing counts); `minutes` are the practice script's phase timers,
  // absent to move its phases on by hand. Ended by Next after its debrief, or by endPractice.
  startPractice: z.strictObject({
    minutes: z.strictObject(Object.fromEntries(ROUND_PHASES.map((p) => [p, Minutes]))).optional(),
  }),
  endPractice: z.strictObject({ from: Moment }),
  advancePhase: z.strictObject({ from: Moment }),
  endSession: z.strictObject({ from: Moment }),
  setHead: z.strictObject({ memberId: MemberId }),
  pauseTimer: z.strictObject({}),
  resumeTimer: z.strictObject({}),
  extendTimer: z.strictObject({ minutes: z.number().int().min(1).max(30), from: Moment }),
  injectCard: z.strictObject({ cardId: z.string().max(60) }),
  addBookmark: z.strictObject({
    note: z.string().overwrite(cleanText).trim().min(1, 'Write a note for the bookmark.').max(280),
  }),
  sendMessage: z.strictObject({
    to: z.enum(['team', 'floor', ...DELEGATIONS]), // a delegation: the bilateral channel with it
    text: z
      .string()
      .overwrite(cleanText)
      .trim()
      .min(1, 'Write something first.')
      .max(MESSAGE_MAX_LENGTH, `A message is at most ${MESSAGE_MAX_LENGTH} characters.`),
  }),
  requestChannel: z.strictObject({ with: z.enum(DELEGATIONS) }),
  acceptChannel: z.strictObject({ with: z.enum(DELEGATIONS) }),
  closeChannel: z.strictObject({ with: z.enum(DELEGATIONS) }),
  announce: z.strictObject({
    text: z.string().overwrite(cleanText).trim().min(1, 'Write something first.').max(MESSAGE_MAX_LENGTH),
  }),
  muteMember: z.strictObject({ memberId: MemberId, muted: z.boolean() }),
  setRole: z.strictObject({
    memberId: MemberId,
    role: z.enum([...ROLES, 'none']),
    // Others who hold the role keep it (extra students share roles). Absent in logs from before sharing: the
    // role then moves from whoever held it, as it did.
    shared: z.boolean().optional(),
  }),
  // The server plays a delegation no student is at (shared/bots); a student sitting there takes it back.
  seatBot: z.strictObject({ delegation: z.enum(DELEGATIONS), level: z.enum(BOT_LEVELS) }),
  unseatBot: z.strictObject({ delegation: z.enum(DELEGATIONS) }),
  // Cleaned, then checked again: a title of bidi overrides must not pass for five characters.
  injectCustom: z.strictObject({
    card: CustomCard.transform((c) => ({
      ...c,
      title: cleanText(c.title),
      briefing: cleanText(c.briefing),
    })).pipe(CustomCard),
  }),
} as const;
export type ToServerName = keyof typeof ToServer;
export type ToServerPayload<K extends ToServerName> = z.infer<(typeof ToServer)[K]>;

/** The first problem in a zod error, as a sentence a user can act on. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The message was not understood.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}
