import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** How long one call may take before it is refused: a database that does not answer must not hang a class. */
export const DATABASE_TIMEOUT_MS = 10_000;

/** A refusal of the database, or no answer from it; the message starts with "PostgreSQL" (see storageWords). */
export class DatabaseError extends Error {
  readonly code: string | undefined; // the SQLSTATE, such as '23505' for a unique violation
  constructor(message: string, code?: string) {
    super(`PostgreSQL: ${message}`);
    this.code = code;
  }
}

/**
 * Synchronous calls to PostgreSQL: the query runs in a worker thread (worker.ts, node-postgres) while this
 * thread waits on a shared counter (Atomics.wait), then reads the answer from the port. The room's dispatch is
 * synchronous, and its contract is that an entry is durable before anything is acknowledged: this keeps that
 * contract, and the order of entries, without making every room hook asynchronous. The price is that the event
 * loop waits for each write (about a millisecond on a nearby database), as it waits for SQLite's today.
 */
export class SyncPostgres {
  private readonly url: string;
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private answers = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 0;

  constructor(url: string) {
    this.url = url;
  }

  private start() {
    const { port1, port2 } = new MessageChannel();
    this.answers = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: { url: this.url, port: port2, flag: this.answers },
      transferList: [port2],
    });
    worker.unref(); // never keeps the process alive on its own
    worker.on('error', (e) => console.error('The PostgreSQL worker failed:', e.message));
    worker.once('exit', () => {
      if (this.worker === worker) this.worker = undefined; // the next call starts another
    });
    this.worker = worker;
    this.port = port1;
  }

  /** Runs `op` (an operation of worker.ts) and returns its result; throws DatabaseError on refusal or timeout. */
  call<T>(op: string, ...args: unknown[]): T {
    if (!this.worker || !this.port) this.start();
    const port = this.port as MessagePort;
    const id = ++this.nextId;
    port.postMessage({ id, op, args });
    const deadline = Date.now() + DATABASE_TIMEOUT_MS;
    for (;;) {
      const seen = Atomics.load(this.answers, 0);
      // Answers to calls that timed out earlier are read and dropped here.
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const answer = m.message as { id: number; ok: boolean; result?: T; message?: string; code?: string };
        if (answer.id !== id) continue;
        if (answer.ok) return answer.result as T;
        throw new DatabaseError(answer.message ?? 'the query failed', answer.code);
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new DatabaseError(`no answer within ${DATABASE_TIMEOUT_MS / 1000} seconds (${op})`);
      Atomics.wait(this.answers, 0, seen, left);
    }
  }

  /** Stops the worker and its connections. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.port?.close();
    this.port = undefined;
    await worker?.terminate();
  }
}
