import { schema, t } from '@colyseus/schema';

/**
 * The synced state every client decodes. Data only: the room fills it from the session model (see project.ts).
 * Field order is the wire format: add new fields at the end.
 */
export const MemberState = schema(
  {
    id: t.string(), // "m7"
    nickname: t.string(),
    seat: t.string(), // "us" | "china" | "russia" | "observer" | "unseated"
    status: t.string(), // "connected" | "away" | "gone"
  },
  'MemberState',
);
export type MemberState = InstanceType<typeof MemberState>;

/** A delegation's desk: whether it has submitted is public; its draft is seen only by the team and the teacher. */
export const TeamState = schema(
  {
    submitted: t.boolean().default(false),
    draft: t.string().default('').view(),
  },
  'TeamState',
);
export type TeamState = InstanceType<typeof TeamState>;

export const SettingsState = schema(
  {
    scenarioId: t.string(),
    scenarioTitle: t.string(),
    years: t.array('uint16'),
    timersOn: t.boolean(),
    phaseMinutes: t.map('float32'), // keyed by phase
    lockTeamsOnStart: t.boolean(),
    maxPerDelegation: t.uint8(),
  },
  'SettingsState',
);
export type SettingsState = InstanceType<typeof SettingsState>;

export const SessionState = schema(
  {
    version: t.uint32().default(0),
    code: t.string().default(''),
    stage: t.string().default('lobby'),
    round: t.uint8().default(0),
    phase: t.string().default(''), // "" outside a round
    phaseEndsAt: t.float64().default(0), // server time in ms when the phase timer runs out; 0 = no timer
    teamsLocked: t.boolean().default(false),
    hostConnected: t.boolean().default(false),
    settings: t.ref(SettingsState).default(() => new SettingsState()),
    members: t.map(MemberState),
    teams: t.map(TeamState), // keyed by delegation
  },
  'SessionState',
);
export type SessionState = InstanceType<typeof SessionState>;
