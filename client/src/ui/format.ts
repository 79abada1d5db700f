import { PHASE_NAMES } from '../../../shared/model/phases.ts';
import type { SessionView } from '../net/view.ts';
import { yearOf } from '../net/view.ts';

/** "Round 2 of 4 · 2017 · Negotiation", or the lobby and end equivalents. */
export function stageLine(view: SessionView): string {
  if (view.stage === 'lobby') return `Lobby · ${view.settings.scenarioTitle}`;
  if (view.stage === 'ended') return 'The session has ended';
  const phase = view.phase ? PHASE_NAMES[view.phase] : '';
  return `Round ${view.round} of ${view.settings.years.length} · ${yearOf(view) ?? ''} · ${phase}`;
}

/** "4:05" left on the phase timer, or "" when there is none. */
export function timeLeft(view: SessionView, serverNow: number): string {
  if (!view.phaseEndsAt) return '';
  const s = Math.max(0, Math.round((view.phaseEndsAt - serverNow) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
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
