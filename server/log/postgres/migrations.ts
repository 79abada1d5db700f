/**
 * The numbered migrations of the PostgreSQL log store, applied in order at start; `paros_schema.version` records
 * how many have run. Several processes may start at once: they migrate one at a time under an advisory lock.
 * One table of entries for every session, keyed by (session, seq): a second append of the same seq, from any
 * process, is refused by the primary key.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     header TEXT NOT NULL,
     stage TEXT NOT NULL,
     host_secret_hash TEXT NOT NULL
   );
   CREATE INDEX sessions_by_stage ON sessions (stage);
   CREATE TABLE entries (
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     at BIGINT NOT NULL,
     actor TEXT NOT NULL,
     command TEXT NOT NULL,
     version INTEGER NOT NULL,
     PRIMARY KEY (session_id, seq)
   );
   CREATE TABLE round_hashes (
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
     round INTEGER NOT NULL,
     seq INTEGER NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (session_id, round)
   );
   CREATE TABLE bookmarks (
     id BIGSERIAL PRIMARY KEY,
     session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     at BIGINT NOT NULL,
     note TEXT NOT NULL
   );
   CREATE INDEX bookmarks_by_session ON bookmarks (session_id, seq);`,
];

/** The advisory lock key under which migrations run (any constant; "PAROS" in ASCII). */
export const MIGRATION_LOCK = 0x5041524f53;
