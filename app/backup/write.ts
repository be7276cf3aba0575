/**
 * `centinela backup FILE` and each scheduled backup: a consistent snapshot of the live database,
 * encrypted with age to `backup.recipient`. The plaintext snapshot exists only in a private
 * scratch folder beside the database, and is overwritten and deleted whether or not the backup
 * succeeds. The backup file is written under a temporary name and renamed, so a crash never
 * leaves a half-written file with the final name.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { ensurePrivateDir } from '../../store/private-files.js';
import { snapshotDatabase } from '../../store/snapshot.js';
import { AgeFileError, encryptFile } from './age-file.js';
import { makeScratchDir, removeScratchDir } from './scratch.js';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupRequest {
  /** The open database to copy (the running bot's connection, or one the CLI opened). */
  db: Database.Database;
  /** Where the encrypted backup goes; it must not exist yet. */
  file: string;
  /** The age public key (`age1…`) to encrypt to. */
  recipient: string;
  /** Folder for the plaintext scratch copy: the database's folder. */
  scratchParent: string;
}

/** Writes an encrypted backup of `db` to `file`; returns its size in bytes. */
export async function writeBackup(req: BackupRequest): Promise<{ bytes: number }> {
  if (existsSync(req.file)) throw new BackupError(`${req.file} already exists: choose a new name (a backup never overwrites one)`);
  ensurePrivateDir(dirname(req.file));
  const scratch = makeScratchDir(req.scratchParent);
  const partial = join(dirname(req.file), `.${basename(req.file)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const plain = join(scratch, 'snapshot.db');
    await snapshotDatabase(req.db, plain);
    await encryptFile(plain, partial, req.recipient);
    renameSync(partial, req.file);
    return { bytes: statSync(req.file).size };
  } catch (err) {
    rmSync(partial, { force: true });
    if (err instanceof AgeFileError) throw new BackupError(err.message);
    throw err;
  } finally {
    removeScratchDir(scratch);
  }
}
