import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../shared/content/labels.ts';
import { createParosServer } from './app.ts';
import { ConfigError, configFromEnv } from './config.ts';

/** Stops the start with one line a person can act on, and a non-zero status. */
function fail(message: string): never {
  console.error(`PAROS did not start: ${message}`);
  process.exit(1);
}

/** Why listening failed, in words (the port in use, a port the system refuses, an address it does not have). */
function listenProblem(e: unknown, port: number, host: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    return `port ${port} is already in use. Stop the other program or set PORT to another port.`;
  if (code === 'EACCES') return `this user may not listen on port ${port}. Set PORT to 1024 or above.`;
  if (code === 'EADDRNOTAVAIL') return `this machine has no address ${host}. Check HOST.`;
  return `could not listen on ${host}:${port} (${(e as Error).message}).`;
}

/** Starts PAROS for a class: one port for the pages, the API and the game. */
async function main() {
  let config: ReturnType<typeof configFromEnv>;
  try {
    config = configFromEnv();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  if (!existsSync(join(config.clientDir, 'index.html'))) {
    fail(`the client is not built (${config.clientDir} has no index.html). Run: npm run build`);
  }
  let server: ReturnType<typeof createParosServer>;
  try {
    server = createParosServer(config);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  let port: number;
  try {
    port = await server.listen();
  } catch (e) {
    fail(listenProblem(e, config.port, config.host));
  }
  // Several processes: SIGTERM hands every session over to the others (server/scale/), then exits 0. Alone, the
  // sessions close and come back from their logs when PAROS starts again. Installed before the ready line, which a
  // supervisor (or a test) may answer with a signal at once: with no handler yet, SIGTERM would simply kill it.
  const stop = async () => {
    if (server.scaledOut)
      console.log(
        `PAROS is stopping: handing ${plural(server.directory.size, 'session')} over to the other processes.`,
      );
    await server.close();
    if (server.scaledOut) console.log('PAROS stopped: its sessions were handed over.');
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const students = server.joinAddress();
  console.log(
    `PAROS is ready. Teacher: open http://localhost:${port} on this computer and choose "Host a session".`,
  );
  if (students.source === 'loopback')
    console.log(
      'Students: this computer has no network address they can reach. Connect it to the school network, or set PUBLIC_URL to the address students should open.',
    );
  else console.log(`Students: open ${students.addresses.join(' or ')} and type the code on the board.`);
}

main().catch((e) => fail((e as Error).message));
