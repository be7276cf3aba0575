/**
 * Issue 14, "Backups that keep the promise": `centinela backup FILE` then `centinela restore FILE
 * --identity KEYFILE`, through the CLI's own entry point, against a file-backed database that a
 * running bot has written a real report into.
 *
 * The backup is made while the bot runs. It must hold the report (the restore brings it back) but
 * show none of it in clear: the canary, text a tipster typed and that the database keeps in
 * clear, is searched for in the backup file's bytes (plain, hex and base64). No plaintext copy is
 * left behind. Restore refuses a database that is open, refuses one that holds data without
 * --force, and refuses a key that does not open the backup.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../app/cli.js';
import { parseConfigText, type Config } from '../bot/config/index.js';
import { openDatabase } from '../store/sqlite-store.js';
import { configHead, SIMULATOR_NETWORK, writeConfigFile } from './e2e/process.js';
import { Harness } from './support/harness.js';

const CANARY = 'Quetzalcanary7731';
const TIP = `4 agentes con chalecos de ICE en 1st y Soto, boyle heights, ahora, 2 SUV negras, frente a la panadería ${CANARY}`;
/** A strong secret for the CLI's config checks (the harness uses its own). */
const SECRET = 'kR8vN2qXw5Lz9Tb4Hc7Jm1Pd6Fs3Gy0Ue-Va_Qo';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'centinela-backup-'));
  dirs.push(d);
  return d;
}

/** A demo-like config with its database in `dir/data` and backups encrypted to `recipient`. */
function writeConfig(dir: string, recipient: string): { file: string; config: Config; dbPath: string } {
  const dbPath = join(dir, 'data', 'centinela.db');
  const text = `${configHead(dir)}${SIMULATOR_NETWORK}backup: { recipient: ${recipient} }
`;
  const file = writeConfigFile(dir, text);
  const parsed = parseConfigText(text);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { file, config: parsed.config, dbPath };
}

async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await runCli(args, { write: (s) => void (text += s) }, env);
  return { code, text };
}

/** Where `needle` appears in `bytes`, as text, hex or base64 (at every byte alignment). */
function canaryForms(bytes: Buffer, needle: string): string[] {
  const raw = Buffer.from(needle, 'utf8');
  const forms: [string, string][] = [
    ['plain', needle],
    ['lower', needle.toLowerCase()],
    ['hex', raw.toString('hex')],
  ];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64');
    forms.push([`base64@${shift}`, b64.slice(Math.ceil((shift * 4) / 3) + 1, -2)]);
  }
  const haystack = bytes.toString('latin1');
  return forms.filter(([, form]) => haystack.includes(form)).map(([name]) => name);
}

async function keyPair(dir: string): Promise<{ recipient: string; keyFile: string }> {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  const keyFile = join(dir, 'backup-key.txt');
  // As age-keygen writes it.
  writeFileSync(keyFile, `# created: 2026-11-21T09:00:00-08:00\n# public key: ${recipient}\n${identity}\n`, { mode: 0o600 });
  return { recipient, keyFile };
}

describe('centinela backup / restore', () => {
  it('round trip: a backup made while the bot runs restores its report, and shows none of it in clear', async () => {
    const server = tempDir();
    const keys = await keyPair(tempDir()); // the private key lives elsewhere, not on the server
    const { file, config, dbPath } = writeConfig(server, keys.recipient);
    const env = { CENTINELA_CONFIG: file, CENTINELA_SECRET: SECRET };

    const bot = await new Harness({ config, dbPath }).start();
    await bot.send('ana', { text: TIP });
    for (const answer of ['no', 'sí']) {
      bot.now += 20_000; // past the burst window: an answer, not more of the tip
      await bot.send('ana', { text: answer }); // nobody detained right now; send the review
    }
    expect(bot.reports(), bot.transcript()).toHaveLength(1);
    // The database keeps what the tipster typed, so the canary is in its files in clear:
    const dbBytes = Buffer.concat([dbPath, `${dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(canaryForms(dbBytes, CANARY)).toContain('plain');

    const backupFile = join(server, 'backups', 'nightly.db.age');
    const made = await cli(['backup', backupFile], env);
    expect(made.text).toContain(`Wrote ${backupFile}`);
    expect(made.code).toBe(0);
    const sealed = readFileSync(backupFile);
    expect(sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(canaryForms(sealed, CANARY)).toEqual([]);
    expect(sealed.toString('latin1')).not.toContain('SQLite format 3');
    expect(statSync(backupFile).mode & 0o777).toBe(0o600);
    // The plaintext snapshot it went through is gone.
    expect(readdirSync(join(server, 'data')).filter((n) => n.startsWith('.centinela-scratch-'))).toEqual([]);
    expect((await cli(['backup', backupFile], env)).text).toContain('already exists');

    // Restore refuses a database the bot has open, even with --force.
    const busy = await cli(['restore', backupFile, '--identity', keys.keyFile, '--force'], env);
    expect(busy.code).toBe(1);
    expect(busy.text).toContain('is open in another process');
    await bot.stop();

    // A new server with the same config: restore into an empty data folder.
    const { file: file2, dbPath: dbPath2 } = writeConfig(tempDir(), keys.recipient);
    const env2 = { CENTINELA_CONFIG: file2, CENTINELA_SECRET: SECRET };
    const stranger = await keyPair(tempDir());
    const wrongKey = await cli(['restore', backupFile, '--identity', stranger.keyFile], env2);
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.text).toContain('this key does not open the backup');
    expect(existsSync(dbPath2)).toBe(false);

    const restored = await cli(['restore', backupFile, '--identity', keys.keyFile], env2);
    expect(restored.text).toContain('(1 reports)');
    expect(restored.code).toBe(0);
    expect(statSync(dbPath2).mode & 0o777).toBe(0o600);
    const db = openDatabase(dbPath2);
    try {
      const [report] = db.prepare('SELECT number, status, fields FROM reports').all() as {
        number: number;
        status: string;
        fields: string;
      }[];
      expect(report?.status).toBe('new');
      expect(report?.fields).toContain(CANARY);
    } finally {
      db.close();
    }

    // Restoring again over a database that now holds data needs --force.
    const again = await cli(['restore', backupFile, '--identity', keys.keyFile], env2);
    expect(again.code).toBe(1);
    expect(again.text).toContain('already holds data');
    expect((await cli(['restore', backupFile, '--identity', keys.keyFile, '--force'], env2)).code).toBe(0);
  }, 30_000);

  it('backup without backup.recipient says how to make a key, and writes nothing', async () => {
    const dir = tempDir();
    const { file } = writeConfig(dir, (await keyPair(dir)).recipient);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/backup: .*\n/, ''));
    const out = await cli(['backup', join(dir, 'b.age')], { CENTINELA_CONFIG: file, CENTINELA_SECRET: SECRET });
    expect(out.code).toBe(1);
    expect(out.text).toContain('age-keygen');
    expect(existsSync(join(dir, 'b.age'))).toBe(false);
  });
});
