/**
 * Whole-database copies for backup and restore: a consistent snapshot of a live database, a check
 * that a restored file is a sound Centinela database, and putting one in place of another.
 * Encryption is not done here (see app/backup/); this file only deals with SQLite files.
 */
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { loadMigrations } from './migrate.js';
import { PRIVATE_FILE_MODE } from './private-files.js';

/** Tables with no tipster or report data: a database holding rows only here counts as empty. */
const BOOKKEEPING_TABLES = new Set(['schema_migrations', 'meta']);

/**
 * Writes a consistent copy of `db` to `dest` with SQLite's online backup, while the bot keeps
 * running (writes made meanwhile by the same connection are carried into the copy; other writers
 * make it start again). `dest` must not exist; put it in an owner-only folder, as SQLite creates
 * it with the umask's mode.
 */
export async function snapshotDatabase(db: Database.Database, dest: string): Promise<void> {
  if (existsSync(dest)) throw new Error(`${dest} already exists`);
  await db.backup(dest);
}

/** Whether another connection has the database at `path` open (a running Centinela, or a CLI command). */
export function isDatabaseInUse(path: string): boolean {
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    // Leaving WAL mode needs the only connection: SQLite refuses it (SQLITE_BUSY) while another is open.
    db.pragma('journal_mode = DELETE');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw err;
  } finally {
    db.close();
  }
}

/** Rows in tables that hold tipster, report or platform data (not schema bookkeeping). */
export function countDataRows(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    let rows = 0;
    for (const table of tables) {
      if (BOOKKEEPING_TABLES.has(table)) continue;
      rows += db
        .prepare(`SELECT COUNT(*) FROM ${JSON.stringify(table)}`)
        .pluck()
        .get() as number;
    }
    return rows;
  } finally {
    db.close();
  }
}

export type SnapshotProblem = 'not-sqlite' | 'corrupt' | 'not-centinela' | 'newer-version';

/**
 * Why the file at `path` cannot be restored, or undefined when it can: it must be an intact SQLite
 * database made by Centinela, with no migration this version does not know.
 */
export function checkSnapshot(path: string): SnapshotProblem | undefined {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
  } catch {
    return 'not-sqlite';
  }
  try {
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') return 'corrupt';
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").pluck().get();
    if (!hasMigrations) return 'not-centinela';
    const newest = db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null;
    const known = Math.max(0, ...loadMigrations().map((m) => m.version));
    return (newest ?? 0) > known ? 'newer-version' : undefined;
  } catch {
    return 'corrupt';
  } finally {
    db.close();
  }
}

/**
 * Puts the database file `from` at `path` (same folder, so the rename is atomic), removing the old
 * database's `-wal` and `-shm`. The caller has made sure nothing has `path` open.
 */
export function replaceDatabase(path: string, from: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  chmodSync(from, PRIVATE_FILE_MODE);
  renameSync(from, path);
}
