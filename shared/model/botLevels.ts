/**
 * How well a bot delegation reads the world (shared/bots): a novice plays a fixed programme, a standard bot
 * answers what it saw last round, an expert also weighs its threat perception and its budget. Never a
 * difference in what it may see.
 */
export const BOT_LEVELS = ['novice', 'standard', 'expert'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** How the console and the board name a level: "played by the server (standard)". */
export const BOT_LEVEL_NAMES: Record<BotLevel, string> = {
  novice: 'novice',
  standard: 'standard',
  expert: 'expert',
};

/** The one line every screen (console, desks, board, the table scene) uses for a delegation a bot plays. */
export function playedByServer(level: BotLevel): string {
  return `Played by the server (${BOT_LEVEL_NAMES[level]})`;
}
