// Frozen: rules version 1, copied from shared/model/phases.ts by npm run rules:freeze. Never edit it: sessions logged under these rules fold with this code.
/** A session's life: the lobby where the class sits down, the rounds, and the end. */
export const SESSION_STAGES = ['lobby', 'playing', 'ended'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/** The phases of one round, in order. The rules engine fills each with its own commands. */
export const ROUND_PHASES = ['briefing', 'negotiation', 'orders', 'resolution', 'debrief'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

export const PHASE_NAMES: Record<RoundPhase, string> = {
  briefing: 'Briefing',
  negotiation: 'Negotiation',
  orders: 'Orders',
  resolution: 'Resolution',
  debrief: 'Round debrief',
};

/** Phase timers in minutes, keyed by phase: what the teacher sees and edits on the settings screen. */
export type PhaseMinutes = Record<RoundPhase, number>;
