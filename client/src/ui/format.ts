import { PHASE_NAMES } from '../../../shared/model/phases.ts';
import type { SessionView } from '../net/view.ts';
import { yearOf } from '../net/view.ts';

/** "Round 2 of 4 · 2017 · Negotiation", "Practice round (nothing counts) · 2015 · Orders", the lobby, the end. */
export function stageLine(view: SessionView): string {
  if (view.stage === 'lobby') return `Lobby · ${view.settings.scenarioTitle}`;
  if (view.stage === 'ended') return 'The session has ended';
  const phase = view.phase ? PHASE_NAMES[view.phase] : '';
  if (view.practice) return `Practice round (nothing counts) · ${yearOf(view) ?? ''} · ${phase}`;
  return `Round ${view.round} of ${view.settings.years.length} · ${yearOf(view) ?? ''} · ${phase}`;
}

import { clockTime } from '../../../shared/content/labels.ts';

/** Counts and times in words ("1 point", "2 points", "6 minutes 30 seconds") are written once, with the rules. */
export { duration, plural, points } from '../../../shared/content/labels.ts';

/** "4:05" for a number of milliseconds (never below 0:00): every clock on every screen. */
export const minutesAndSeconds = clockTime;

/**
 * The phase clock every screen shows, written once: `clock` for a compact display ("4:05", "Paused 6:00"),
 * `text` for a sentence ("Time left in this phase: 4:05", "Timer paused: 6:00 left"); both empty without a
 * timer. A paused timer says so on every screen, not only on the console.
 */
export function phaseClock(view: SessionView, serverNow: number): { clock: string; text: string } {
  if (view.phaseEndsAt) {
    const left = minutesAndSeconds(view.phaseEndsAt - serverNow);
    return { clock: left, text: `Time left in this phase: ${left}` };
  }
  if (view.timerPaused && view.phaseRemainingMs > 0) {
    const left = minutesAndSeconds(view.phaseRemainingMs);
    return { clock: `Paused ${left}`, text: `Timer paused: ${left} left` };
  }
  return { clock: '', text: '' };
}

/** The link a student opens to join; `base` is the address students reach (the board's choice), not always ours. */
export function joinUrl(code: string, base = location.origin): string {
  return `${base}/#/join/${code}`;
}

export function boardUrl(code: string): string {
  return `${location.origin}/#/board/${code}`;
}

export function hostUrl(code: string, secret: string): string {
  return `${location.origin}/#/host/${code}/${secret}`;
}
