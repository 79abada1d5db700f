import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinCodeFromIndexes } from '../../shared/model/joinCode.ts';
import type { SessionStage } from '../../shared/model/phases.ts';

export interface DirectoryEntry {
  roomId: string;
  stage: () => SessionStage;
}

/** Join codes of the sessions this process runs, so a student's code finds its room. */
export class SessionDirectory {
  private byCode = new Map<string, DirectoryEntry>();

  /** A fresh code no running session uses. */
  newCode(): string {
    for (;;) {
      const code = joinCodeFromIndexes(
        Array.from({ length: JOIN_CODE_LENGTH }, () => randomInt(JOIN_CODE_ALPHABET.length)),
      );
      if (!this.byCode.has(code)) return code;
    }
  }

  register(code: string, entry: DirectoryEntry): void {
    this.byCode.set(code, entry);
  }

  unregister(code: string): void {
    this.byCode.delete(code);
  }

  find(code: string): DirectoryEntry | undefined {
    return this.byCode.get(code);
  }

  get size(): number {
    return this.byCode.size;
  }
}
