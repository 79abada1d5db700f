/** The HTTP API's requests and responses: creating and finding sessions, and past sessions for the debrief. */
import { z } from 'zod';
import { cleanText } from '../model/text.ts';
import type { LogEntry, LogHeader } from '../session/log.ts';
import { HostSecret, JoinCode, SettingsPatch } from './toServer.ts';

export const CreateSessionRequest = z.strictObject({ settings: SettingsPatch.optional() });
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;
export interface CreateSessionResponse {
  code: string;
  hostSecret: string;
  roomId: string;
}
export interface FindSessionResponse {
  roomId: string;
  stage: 'lobby' | 'playing' | 'ended';
}
export interface HttpError {
  error: string;
}

/**
 * Where students open PAROS, for the board's address and QR code: the configured public address, this
 * machine's network addresses, or only `localhost` when it has no network (the board then says how to fix it).
 */
export interface JoinAddressResponse {
  addresses: string[]; // "http://192.168.1.20:2567", best first
  source: 'configured' | 'network' | 'loopback';
}

/** A past (or running) session as the replay list shows it. */
export interface ReplaySummary {
  sessionId: string;
  code: string;
  createdAt: number;
  stage: string; // "lobby" | "playing" | "ended" | "closed" | "damaged"
  scenarioId: string | undefined;
  entries: number;
  forkedFrom: { sessionId: string; seq: number } | undefined;
  rules: { version: number; label: string; known: boolean } | undefined; // "rules of December 2026 (v1)"
  problem: string | undefined; // why the log cannot be read, for a damaged one
}

/** Everything a replay viewer needs; opened with the host secret or the instructor key. */
export interface ReplayLog {
  header: LogHeader;
  entries: LogEntry[];
  roundHashes: { round: number; seq: number; hash: string }[];
  bookmarks: { id: number; seq: number; at: number; note: string }[];
  stage: string;
}

export const FindReplays = z.strictObject({ code: JoinCode, hostSecret: HostSecret });
export const AddBookmark = z.strictObject({
  seq: z.number().int().min(0),
  note: z.string().overwrite(cleanText).trim().min(1).max(280),
});
export const ForkRequest = z.strictObject({ seq: z.number().int().min(0) });
