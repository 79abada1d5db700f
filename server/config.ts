import { type ScaleConfig, scaleFromEnv } from './scale/config.ts';

/** Server settings, read once from the environment; every one has a default that suits a classroom. */
export interface ServerConfig {
  port: number; // PORT: the one port that serves the pages, the API and the WebSockets
  host: string; // HOST: the address to listen on
  reconnectSeconds: number; // RECONNECT_SECONDS: how long a dropped student's seat is held for an automatic return
  idleHours: number; // SESSION_IDLE_HOURS: a session nobody has joined for this long is closed
  contentDir: string; // CONTENT_DIR: scenarios and cards
  clientDir: string; // CLIENT_DIR: the built client (npm run build)
  dataDir: string; // DATA_DIR: the session logs (one SQLite file each, under sessions/)
  instructorKey: string | undefined; // INSTRUCTOR_KEY: opens every past session's replay, for whoever runs the server
  publicUrl: string | undefined; // PUBLIC_URL: the address students open ("https://paros.school.example"), for the board and QR code
  trustProxy: string | undefined; // TRUST_PROXY: behind a reverse proxy, which hops to trust for the client's address (express)
  allowedOrigins?: string[]; // ALLOWED_ORIGINS: other sites whose pages may call the API ("https://a.org,https://b.org"); none by default
  limits: RateLimits;
  scale?: ScaleConfig; // REDIS_URL, DATABASE_URL, PUBLIC_ADDRESS: several processes (docs/deploy.md); none by default
}

export interface RateLimits {
  failedLookupsPerMinute: number; // wrong join codes per address, so codes cannot be guessed
  lookupsPerMinute: number; // all join look-ups per address (a whole class behind one school address)
  createsPerHour: number; // sessions created per address
  joinsPerMinute: number; // new students joining one session per address (a class behind one school address)
}

// A school's whole class often shares one address: 30 typos a minute is generous, and guessing one of 23^6 codes
// at that pace is hopeless.
export const DEFAULT_LIMITS: RateLimits = {
  failedLookupsPerMinute: 30,
  lookupsPerMinute: 300,
  createsPerHour: 60,
  joinsPerMinute: 120,
};

/** A setting that cannot be used: main.ts prints its message, one line, and stops. */
export class ConfigError extends Error {}

/** An instructor key opens every log, and wrong keys are never allowed to lock the right one out: it must be long. */
export const INSTRUCTOR_KEY_MIN_LENGTH = 16;

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new ConfigError(`${name} must be a non-negative number, not "${raw}".`);
  return n;
}

function urlFrom(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a full address such as http://192.168.1.20:2567, not "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(`${name} must start with http:// or https://, not "${raw}".`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function portFrom(env: NodeJS.ProcessEnv): number {
  const port = numberFrom(env, 'PORT', 2567);
  if (!Number.isInteger(port) || port > 65535)
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`);
  return port;
}

function instructorKeyFrom(env: NodeJS.ProcessEnv): string | undefined {
  const key = env.INSTRUCTOR_KEY || undefined;
  if (key !== undefined && key.length < INSTRUCTOR_KEY_MIN_LENGTH)
    throw new ConfigError(
      `INSTRUCTOR_KEY must be at least ${INSTRUCTOR_KEY_MIN_LENGTH} characters (it opens every session's log).`,
    );
  return key;
}

function originsFrom(env: NodeJS.ProcessEnv): string[] {
  const origins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  for (const o of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(o);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== o)
      throw new ConfigError(`ALLOWED_ORIGINS lists "${o}": write each site as https://host[:port], no path.`);
  }
  return origins;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    port: portFrom(env),
    host: env.HOST || '0.0.0.0',
    reconnectSeconds: numberFrom(env, 'RECONNECT_SECONDS', 300),
    idleHours: numberFrom(env, 'SESSION_IDLE_HOURS', 12),
    contentDir: env.CONTENT_DIR || 'content',
    clientDir: env.CLIENT_DIR || 'dist/client',
    dataDir: env.DATA_DIR || 'data',
    instructorKey: instructorKeyFrom(env),
    publicUrl: urlFrom(env, 'PUBLIC_URL'),
    trustProxy: env.TRUST_PROXY || undefined,
    allowedOrigins: originsFrom(env),
    scale: scaleFromEnv(env, (message) => {
      throw new ConfigError(message);
    }),
    limits: {
      failedLookupsPerMinute: numberFrom(
        env,
        'FAILED_LOOKUPS_PER_MINUTE',
        DEFAULT_LIMITS.failedLookupsPerMinute,
      ),
      lookupsPerMinute: numberFrom(env, 'LOOKUPS_PER_MINUTE', DEFAULT_LIMITS.lookupsPerMinute),
      createsPerHour: numberFrom(env, 'CREATES_PER_HOUR', DEFAULT_LIMITS.createsPerHour),
      joinsPerMinute: numberFrom(env, 'JOINS_PER_MINUTE', DEFAULT_LIMITS.joinsPerMinute),
    },
  };
}
