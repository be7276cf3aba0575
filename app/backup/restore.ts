/**
 * `centinela restore FILE --identity KEYFILE [--force]`: decrypts an age backup and puts it in
 * place of the configured database. It refuses while anything has the database open (stop
 * Centinela first), and refuses to replace a database that holds data unless `force` is set.
 * The restored database is opened once, so it is migrated to this version and its files get
 * owner-only modes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openDatabase } from '../../store/sqlite-store.js';
import { checkSnapshot, countDataRows, isDatabaseInUse, replaceDatabase, type SnapshotProblem } from '../../store/snapshot.js';
import { AgeFileError, decryptFile, parseIdentities } from './age-file.js';
import { makeScratchDir, removeScratchDir } from './scratch.js';

export class RestoreError extends Error {
  constructor(
    message: string,
    readonly code: 'in-use' | 'not-empty' | 'bad-backup' | 'bad-key' | 'missing-file',
  ) {
    super(message);
    this.name = 'RestoreError';
  }
}

export interface RestoreRequest {
  /** The encrypted backup. */
  file: string;
  /** The age identity file (`age-keygen` output). */
  identityFile: string;
  /** The database to restore into (the config's storage.path). */
  dbPath: string;
  /** Replace a database that already holds data. */
  force: boolean;
}

const PROBLEMS: Record<SnapshotProblem, string> = {
  'not-sqlite': 'it decrypts, but what it holds is not a SQLite database',
  corrupt: 'it decrypts, but the database in it fails SQLite’s integrity check',
  'not-centinela': 'it decrypts, but the database in it was not made by Centinela',
  'newer-version': 'it was made by a newer version of Centinela: upgrade Centinela first, then restore',
};

/** Restores `req.file` into `req.dbPath`; returns how many reports the restored database holds. */
export async function restoreBackup(req: RestoreRequest): Promise<{ reports: number }> {
  if (!existsSync(req.file)) throw new RestoreError(`${req.file}: no such file`, 'missing-file');
  if (!existsSync(req.identityFile)) throw new RestoreError(`${req.identityFile}: no such file`, 'missing-file');
  if (existsSync(req.dbPath)) {
    if (isDatabaseInUse(req.dbPath)) {
      throw new RestoreError(`${req.dbPath} is open in another process (is Centinela running?): stop it, then restore`, 'in-use');
    }
    const rows = countDataRows(req.dbPath);
    if (rows > 0 && !req.force) {
      throw new RestoreError(`${req.dbPath} already holds data (${rows} rows): add --force to replace it with the backup`, 'not-empty');
    }
  }
  const identities = parseIdentities(readFileSync(req.identityFile, 'utf8'));
  const scratch = makeScratchDir(dirname(req.dbPath));
  try {
    const restored = join(scratch, 'restored.db');
    try {
      await decryptFile(req.file, restored, identities);
    } catch (err) {
      if (err instanceof AgeFileError)
        throw new RestoreError(`${req.file}: ${err.message}`, err.code === 'not-age' ? 'bad-backup' : 'bad-key');
      throw err;
    }
    const problem = checkSnapshot(restored);
    if (problem) throw new RestoreError(`${req.file}: ${PROBLEMS[problem]}`, 'bad-backup');
    // Checked again right before the swap: a bot started meanwhile must not have its file replaced.
    if (existsSync(req.dbPath) && isDatabaseInUse(req.dbPath)) {
      throw new RestoreError(`${req.dbPath} is open in another process (is Centinela running?): stop it, then restore`, 'in-use');
    }
    replaceDatabase(req.dbPath, restored);
  } finally {
    removeScratchDir(scratch);
  }
  const db = openDatabase(req.dbPath);
  try {
    return { reports: db.prepare('SELECT COUNT(*) FROM reports').pluck().get() as number };
  } finally {
    db.close();
  }
}
