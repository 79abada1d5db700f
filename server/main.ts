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
  console.log(
    `PAROS is ready: open http://localhost:${port} (teachers: "Host a session"; students: type the code).`,
  );
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
