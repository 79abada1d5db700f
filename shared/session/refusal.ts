/** Why a well-formed command was refused; `message` is written for the person who clicked. */
export interface Refusal {
  code: RefusalCode;
  message: string;
}

export const REFUSAL_CODES = [
  'notAllowed',
  'wrongStage',
  'wrongPhase',
  'stale', // the command was sent from a moment the session has left (see Moment in protocol/toServer.ts)
  'teamsLocked',
  'delegationFull',
  'unknownMember',
  'nicknameTaken',
  'notSeated',
  'nothingToDo',
  'unknownScenario',
  'sessionFull',
  'removed',
  'invalidOrders',
  'notHead',
  'unknownCard',
  'muted',
  'channelClosed',
  'tooFast',
  'unknownIncident', // an assessment names an incident the delegation has no report of
  'invalidAssessment', // an assessment's suspect cannot be (the delegation itself, the victim)
  'conflict', // the team's notes changed since the sender's text started from them
  'storage', // the server could not write the session's log (a full or read-only data folder): nothing changed
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const refusal = (code: RefusalCode, message: string): Refusal => ({ code, message });

/** The refusal of a command the server could not save: the student is told, and nothing changed. */
export const STORAGE_MESSAGE = 'The server could not save this; nothing changed. Tell the teacher.';
