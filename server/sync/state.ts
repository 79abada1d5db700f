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
    roles: t.string().default(''), // "head,diplomat": the roles held in the delegation
    muted: t.boolean().default(false),
  },
  'MemberState',
);

/** A chat message. Text only: clients render it as text, never as HTML. */
export const MessageState = schema(
  {
    id: t.uint32(),
    from: t.string(), // member id or "teacher"
    nickname: t.string(),
    seat: t.string(),
    text: t.string(),
    round: t.uint8(),
  },
  'MessageState',
);
export type MessageState = InstanceType<typeof MessageState>;

/** A bilateral channel: whether it is open is public; what is said in it reaches only its two teams and the teacher. */
export const ChannelState = schema(
  {
    status: t.string().default('closed'), // "closed" | "requested" | "open"
    requestedBy: t.string().default(''),
    messages: t.array(MessageState).view(),
  },
  'ChannelState',
);
export type ChannelState = InstanceType<typeof ChannelState>;
export type MemberState = InstanceType<typeof MemberState>;

/** A delegation's desk: whether it has submitted is public; its draft is seen only by the team and the teacher. */
export const TeamState = schema(
  {
    submitted: t.boolean().default(false),
    draft: t.string().default('').view(),
    orders: t.string().default('[]').view(), // JSON: this round's orders
    secret: t.string().default('').view(), // JSON: the world as this delegation sees it (WorldView)
    headId: t.string().default(''), // the member who confirms the orders now
    chat: t.array(MessageState).view(), // the team's private chat
    // Public, so the head, the team and the teacher all learn at once that a confirmation was withdrawn.
    withdrawnBy: t.string().default(''), // "" | member id whose change withdrew it | "card": a card made them impossible
    confirmedBy: t.string().default(''), // with withdrawnBy: the head who had confirmed
    draftVersion: t.uint32().default(0).view(), // the notes' version, sent back as `base` with an edit
    bot: t.string().default(''), // public: the level of the bot the server plays this delegation with ('' for none)
    assessments: t.string().default('').view(), // JSON: the team's attribution assessments ('' before the first)
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

/** What only the teacher's connections receive: the whole world, secrets and true causes included. */
export const HostState = schema(
  {
    world: t.string().default(''),
    removed: t.string().default(''), // JSON: nicknames of the students the teacher removed ('' when none)
    storage: t.string().default(''), // why this session's log cannot be written now, in words ('' when it can)
  },
  'HostState',
);
export type HostState = InstanceType<typeof HostState>;

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
    world: t.string().default(''), // JSON: the world as the class sees it (WorldView for 'public')
    timerPaused: t.boolean().default(false),
    phaseRemainingMs: t.float64().default(0), // while paused: time left on the phase timer
    host: t
      .ref(HostState)
      .view()
      .default(() => new HostState()),
    channels: t.map(ChannelState), // keyed by pair: "us-china", "us-russia", "china-russia"
    floor: t.array(MessageState), // public statements on the CD floor, shown on the projector
    projectors: t.uint8().default(0), // projector boards connected now (at most PROJECTORS_PER_SESSION)
    practice: t.boolean().default(false), // the practice round is under way (round 0): nothing counts
  },
  'SessionState',
);
export type SessionState = InstanceType<typeof SessionState>;
