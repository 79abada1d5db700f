import type { Redis } from 'ioredis';

const key = (code: string) => `paros:code:${code}`;

/**
 * Join codes in use across processes, in Redis: a code is claimed (SET NX) before its session is created, so
 * two processes never hand out the same one, and it names its session (`sessionId`) so any process finds it.
 * A code stays claimed while its session is unfinished, through a crash and a takeover; it is freed when the
 * session ends or is closed.
 */
export class CodeClaims {
  private readonly redis: Redis;

  constructor(redis: Redis) {
    this.redis = redis;
  }

  /** Claims `code` for a session about to be created; false when another session has it. */
  async claim(code: string): Promise<boolean> {
    return (await this.redis.set(key(code), '', 'NX')) === 'OK';
  }

  /** Names the session a claimed code opens. */
  async name(code: string, sessionId: string): Promise<void> {
    await this.redis.set(key(code), sessionId);
  }

  /** The session a code opens ('' while it is being created), or undefined when no session has it. */
  async sessionOf(code: string): Promise<string | undefined> {
    return (await this.redis.get(key(code))) ?? undefined;
  }

  /** Frees a code (only if it still names this session, or was never named). */
  async free(code: string, sessionId?: string): Promise<void> {
    const current = await this.redis.get(key(code));
    if (current === null) return;
    if (current === '' || current === sessionId) await this.redis.del(key(code));
  }
}
