/**
 * A private scratch folder for the plaintext copy a backup or restore passes through: created
 * 0700 beside the database (so the copy stays on the disk and behind the folder that already hold
 * the database), and removed with its files overwritten first.
 */
import { closeSync, fsyncSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../../store/private-files.js';

/** Creates an owner-only scratch folder inside `parent` (mkdtemp gives 0700). */
export function makeScratchDir(parent: string): string {
  ensurePrivateDir(parent);
  return mkdtempSync(join(parent, '.centinela-scratch-'));
}

/**
 * Overwrites every file in `dir` with zeros, then deletes the folder. On a plain file system this
 * leaves no plaintext behind; on copy-on-write file systems or SSDs old blocks may survive, which
 * the owner-only folder and disk encryption are there for.
 */
export function removeScratchDir(dir: string): void {
  try {
    for (const name of readdirSync(dir)) overwriteWithZeros(join(dir, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CHUNK = Buffer.alloc(1 << 20);

function overwriteWithZeros(file: string): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return;
  const fd = openSync(file, 'r+');
  try {
    for (let at = 0; at < stat.size; at += CHUNK.length) writeSync(fd, CHUNK, 0, Math.min(CHUNK.length, stat.size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
