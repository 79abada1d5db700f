import { randomInt } from 'node:crypto';
import { ServerError } from '@colyseus/core';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFromIndexes } from '../../shared/model/joinCode.ts';
import type { SessionStage } from '../../shared/model/phases.ts';

export interface DirectoryEntry {
  roomId: string;
  stage: () => SessionStage;
}

/** Sessions run by other processes (server/scale/): codes claimed across processes, and rooms found by code. */
export interface RemoteSessions {
  claimCode(code: string): Promise<boolean>;
  releaseCode(code: string): Promise<void>;
  locate(code: string): Promise<DirectoryEntry | undefined>;
}

/**
 * Join codes of the sessions this process runs, so a student's code finds its room; with `remote` (several
 * processes), codes are unique across processes and a code finds its room on any of them.
 */
export class SessionDirectory {
  private byCode = new Map<string, DirectoryEntry>();
  private readonly remote: RemoteSessions | undefined;
  private readonly draw: () => string;
  /** Set when the process is told to stop: it creates no more sessions (its own are being handed over). */
  stopping = false;

  /** `draw` picks a candidate code (random; a test may give a sequence). */
  constructor(remote?: RemoteSessions, draw: () => string = randomJoinCode) {
    this.remote = remote;
    this.draw = draw;
  }

  /** A fresh code no running session uses (claimed across processes when there are several). */
  async newCode(): Promise<string> {
    if (this.stopping)
      throw new ServerError(503, 'This server is stopping. Try again in a moment: another one will take it.');
    for (;;) {
      const code = this.draw();
      if (this.byCode.has(code)) continue;
      if (!this.remote || (await this.remote.claimCode(code))) return code;
    }
  }

  /** Gives back a code whose session could not be created. */
  async releaseCode(code: string): Promise<void> {
    await this.remote?.releaseCode(code);
  }

  register(code: string, entry: DirectoryEntry): void {
    this.byCode.set(code, entry);
  }

  unregister(code: string): void {
    this.byCode.delete(code);
  }

  /** The session of `code` if this process runs it. */
  find(code: string): DirectoryEntry | undefined {
    return this.byCode.get(code);
  }

  /** The session of `code`, on this process or (with several) on whichever runs it. */
  async locate(code: string): Promise<DirectoryEntry | undefined> {
    return this.byCode.get(code) ?? (await this.remote?.locate(code));
  }

  get size(): number {
    return this.byCode.size;
  }
}

function randomJoinCode(): string {
  return joinCodeFromIndexes(
    Array.from({ length: JOIN_CODE_LENGTH }, () => randomInt(JOIN_CODE_ALPHABET.length)),
  );
}
