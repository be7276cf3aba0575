/**
 * Owner-only files and folders for everything Centinela keeps on disk (the database, its `-wal`
 * and `-shm`, the simulator's history, a generated secret), whatever the process umask.
 *
 * SQLite creates a new database file 0644 and then gives its `-wal` and `-shm` the database
 * file's own mode. So the database file is created here, 0600, before SQLite opens it, and files
 * left by an earlier run with a looser mode are tightened.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) readable only by the owner. Folders that already exist
 * keep their mode: an admin may have chosen them (put the database in a folder of its own).
 */
export function ensurePrivateDir(dir: string): void {
  const target = resolve(dir);
  const first = mkdirSync(target, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return;
  // mkdir's mode is filtered through the umask; chmod each created level so none is looser.
  const created = relative(first, target).split(sep).filter(Boolean);
  let path = first;
  chmodSync(path, PRIVATE_DIR_MODE);
  for (const part of created) {
    path = resolve(path, part);
    chmodSync(path, PRIVATE_DIR_MODE);
  }
}

/** Creates `path` empty if absent (its folder too), and makes it readable and writable by the owner only. */
export function ensurePrivateFile(path: string): void {
  ensurePrivateDir(dirname(path));
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}

/** Prepares a SQLite database at `path`: the file 0600 before SQLite opens it, and any `-wal`/`-shm` 0600 too. */
export function preparePrivateDatabase(path: string): void {
  if (path === ':memory:') return;
  ensurePrivateFile(path);
  tightenSidecars(path);
}

/** Sets an existing `-wal` / `-shm` of the database at `path` to 0600 (SQLite copies the database file's mode into new ones). */
export function tightenSidecars(path: string): void {
  if (path === ':memory:') return;
  for (const suffix of ['-wal', '-shm']) {
    const file = `${path}${suffix}`;
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
