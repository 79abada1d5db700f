import * as v1 from '../frozen/v1/session/engine.ts';
import * as today from './engine.ts';

/**
 * Every version of the rules this build can play, oldest first; the last one is today's. A log names the
 * version it was played under (`LogHeader.rulesVersion`), and is folded, verified, replayed and forked with
 * that version's engine, never with today's unless they are the same.
 *
 * When a change to shared/rules or shared/session would fold an old log differently (the golden tests in
 * tests/fixtures/golden say so), freeze today's engine first (`npm run rules:freeze`: it copies engine.ts and
 * everything it imports into shared/frozen/v<N>/), register the copy here under its version, then add the new
 * version at the end with a label. Never edit a frozen engine. See docs/architecture.md, "How logs outlive
 * rule changes".
 */
export interface RulesEngine {
  createSession: typeof today.createSession;
  applyCommand: typeof today.applyCommand;
  ordersProblem: typeof today.ordersProblem; // the viewer marks orders the rules of the day would not play
  newWorld: typeof today.newWorld; // the viewer's world before round 1's cards
}

export interface RulesVersion {
  version: number; // 1, 2, 3…: written in every log's header
  label: string; // what a teacher reads: "rules of December 2026"
  engine: RulesEngine;
}

export const RULES_VERSIONS: readonly RulesVersion[] = [
  // A frozen engine keeps the content types of its day; it only ever reads the content its own logs carry.
  { version: 1, label: 'first rules of December 2026', engine: v1 as unknown as RulesEngine },
  { version: 2, label: 'rules of December 2026 with verification, upkeep and signatures', engine: today },
];

/** Today's rules: what a new session is played under. */
export const CURRENT_RULES = RULES_VERSIONS[RULES_VERSIONS.length - 1] as RulesVersion;

/** The rules a log was played under, or undefined when this build does not have them. */
export function rulesOf(version: number): RulesVersion | undefined {
  return RULES_VERSIONS.find((r) => r.version === version);
}

/** Why a log of unknown rules cannot be folded here, said so a teacher can act on it. */
export function unknownRules(version: number): string {
  return `This session was played under rules version ${version}, which this server does not know`;
}

/** How a session's rules are named on screens: "rules of December 2026 (v1)". */
export function rulesLabel(version: number): string {
  const known = rulesOf(version);
  return known ? `${known.label} (v${version})` : `rules version ${version}, unknown to this server`;
}
