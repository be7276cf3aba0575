/**
 * The admin's backup commands: `centinela backup FILE` (an encrypted copy of the database, safe
 * while the bot runs) and `centinela restore FILE --identity KEYFILE [--force]` (with the bot
 * stopped). The secret is never in a backup: restore onto a server that has the same secret.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../bot/config/index.js';
import { restoreBackup, RestoreError } from './backup/restore.js';
import { BackupError, writeBackup } from './backup/write.js';
import { printingExpected, type Out } from './cli-output.js';

export const BACKUP_HELP = `  backup FILE       write an encrypted copy of the database to FILE (age, to backup.recipient); safe while the bot runs
  restore FILE --identity KEYFILE [--force]
                    decrypt a backup with the age key in KEYFILE and put it in place of the database
                    (stop Centinela first; --force replaces a database that holds data)
`;

export async function backupCommand(config: Config, args: string[], out: Out): Promise<number> {
  const [file] = args;
  if (!file || file.startsWith('--')) {
    out.write('Usage: centinela backup FILE\n');
    return 2;
  }
  const recipient = config.backup.recipient;
  if (!recipient) {
    out.write(
      'backup.recipient: required for backups: the age public key (age1…) they are encrypted to. Make a key pair on another machine with `age-keygen -o backup-key.txt` and put the public key it prints in the config.\n',
    );
    return 1;
  }
  const dbPath = resolve(config.storage.path);
  if (!existsSync(dbPath)) {
    out.write(`${dbPath}: no database to back up yet (storage.path)\n`);
    return 1;
  }
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    return await printingExpected(out, [BackupError], async () => {
      db.pragma('busy_timeout = 5000');
      const { bytes } = await writeBackup({ db, file: resolve(file), recipient, scratchParent: dirname(dbPath) });
      out.write(`Wrote ${resolve(file)} (${bytes} bytes), encrypted to ${recipient}.\n`);
      return 0;
    });
  } finally {
    db.close();
  }
}

export async function restoreCommand(config: Config, args: string[], out: Out): Promise<number> {
  const at = args.indexOf('--identity');
  const identityFile = at >= 0 ? args[at + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && i !== at + 1);
  if (!file || !identityFile) {
    out.write('Usage: centinela restore FILE --identity KEYFILE [--force]\n');
    return 2;
  }
  const dbPath = resolve(config.storage.path);
  return printingExpected(out, [RestoreError], async () => {
    const { reports } = await restoreBackup({
      file: resolve(file),
      identityFile: resolve(identityFile),
      dbPath,
      force: args.includes('--force'),
    });
    out.write(
      `Restored ${resolve(file)} into ${dbPath} (${reports} reports).\n` +
        'Start Centinela with the same secret as when the backup was made: without it, open conversations cannot be continued.\n',
    );
    return 0;
  });
}
