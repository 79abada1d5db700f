import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createParosServer } from './app.ts';
import { configFromEnv } from './config.ts';

/** Starts PAROS for a class: one port for the pages, the API and the game. */
async function main() {
  const config = configFromEnv();
  if (!existsSync(join(config.clientDir, 'index.html'))) {
    console.error(`The client is not built (${config.clientDir} has no index.html). Run: npm run build`);
    process.exit(1);
  }
  let server: ReturnType<typeof createParosServer>;
  try {
    server = createParosServer(config);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const port = await server.listen();
  const students = server.joinAddress();
  console.log(
    `PAROS is ready. Teacher: open http://localhost:${port} on this computer and choose "Host a session".`,
  );
  if (students.source === 'loopback')
    console.log(
      'Students: this computer has no network address they can reach. Connect it to the school network, or set PUBLIC_URL to the address students should open.',
    );
  else console.log(`Students: open ${students.addresses.join(' or ')} and type the code on the board.`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
