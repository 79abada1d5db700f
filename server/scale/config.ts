/**
 * How PAROS runs beyond one process, from the environment; with none of these set it runs alone on SQLite.
 * - REDIS_URL ("redis://10.0.0.5:6379"): processes share Colyseus's matchmaker (presence and room listings),
 *   join codes and session leases through this Redis.
 * - DATABASE_URL ("postgres://paros:…@10.0.0.6/paros"): session logs in PostgreSQL instead of SQLite files.
 * - PUBLIC_ADDRESS ("paros.example.org/p1", or "10.0.0.7:2567"): where browsers reach this very process's
 *   WebSockets; a seat reserved on another process sends the browser here.
 */
export interface ScaleConfig {
  redisUrl: string | undefined;
  databaseUrl: string | undefined;
  publicAddress: string | undefined;
}

type Fail = (message: string) => never;

function urlOf(env: NodeJS.ProcessEnv, name: string, protocols: string[], fail: Fail): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !protocols.includes(url.protocol))
    fail(`${name} must be an address starting with ${protocols.join(' or ')}//.`);
  return raw;
}

/** Reads the settings; `fail` stops the start with the message (server/config.ts throws its ConfigError). */
export function scaleFromEnv(env: NodeJS.ProcessEnv, fail: Fail): ScaleConfig {
  const redisUrl = urlOf(env, 'REDIS_URL', ['redis:', 'rediss:'], fail);
  const databaseUrl = urlOf(env, 'DATABASE_URL', ['postgres:', 'postgresql:'], fail);
  const publicAddress = env.PUBLIC_ADDRESS || undefined;
  if (publicAddress && /^[a-z]+:\/\//i.test(publicAddress))
    fail('PUBLIC_ADDRESS is a host and port (and path), without http:// or ws://.');
  if (redisUrl && !databaseUrl)
    fail(
      'REDIS_URL is set but DATABASE_URL is not: several processes must share their session logs in PostgreSQL.',
    );
  return { redisUrl, databaseUrl, publicAddress };
}
