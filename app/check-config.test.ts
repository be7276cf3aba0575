/**
 * `centinela check-config` checks what `npm start` checks: it names the config it read (or the
 * built-in demo), checks the secret with start-up's own rules, and fails on every config start
 * would refuse.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const STRONG = 'kR8vN2qXw5Lz9Tb4Hc7Jm1Pd6Fs3Gy0Ue-Va_Qo';

let dir: string;
let config: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centinela-check-'));
  config = join(dir, 'centinela.yaml');
  writeFileSync(
    config,
    `network: { name: "Test RRN", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ${JSON.stringify(join(dir, 'data', 'centinela.db'))} }
chats: { verifiers: [{ platform: simulator, id: verifiers }] }
platforms: { simulator: { enabled: true } }
`,
  );
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function check(env: NodeJS.ProcessEnv): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await runCli(['check-config'], { write: (s) => void (text += s) }, env);
  return { code, text };
}

describe('check-config', () => {
  it('names the file it read and where the secret came from', async () => {
    const out = await check({ CENTINELA_CONFIG: config, CENTINELA_SECRET: STRONG, PORT: '8081' });
    expect(out.text).toContain(`Config file: ${config}`);
    expect(out.text).toContain('Secret: read from CENTINELA_SECRET');
    expect(out.text).toContain('Port: 8081 on 127.0.0.1.');
    expect(out.text).toContain('The config is valid.');
    expect(out.code).toBe(0);
  });

  it('says when it checked the built-in demo, and generates no secret', async () => {
    const demoSecret = resolve('data', 'secret.key');
    const before = existsSync(demoSecret);
    const out = await check({});
    expect(out.text).toContain('checking the built-in demo');
    expect(out.text).toMatch(/Secret: (none yet; the demo generates one in .*secret\.key at first start|the demo’s secret\.key)/);
    expect(out.code).toBe(0);
    expect(existsSync(demoSecret)).toBe(before);
  });

  it('fails, as start does, on a config file with no secret, a guessable one, or one in a file others can read', async () => {
    const none = await check({ CENTINELA_CONFIG: config });
    expect(none.code).toBe(1);
    expect(none.text).toContain(`Configuration file ${config} has 1 problem:`);
    expect(none.text).toContain('No secret: set CENTINELA_SECRET_FILE');
    expect(none.text).not.toContain('The config is valid');

    const weak = await check({ CENTINELA_CONFIG: config, CENTINELA_SECRET: 'my-network-secret-my-network-secret' });
    expect(weak.code).toBe(1);
    expect(weak.text).toContain('CENTINELA_SECRET is too easy to guess');

    const file = join(dir, 'secret');
    writeFileSync(file, STRONG, { mode: 0o644 });
    const open = await check({ CENTINELA_CONFIG: config, CENTINELA_SECRET_FILE: file });
    expect(open.code).toBe(1);
    expect(open.text).toContain(`Run: chmod 600 ${file}`);
  });

  it('fails on a bad PORT, and on a backup key the age library refuses', async () => {
    const port = await check({ CENTINELA_CONFIG: config, CENTINELA_SECRET: STRONG, CENTINELA_PORT: 'eighty' });
    expect(port.code).toBe(1);
    expect(port.text).toContain('CENTINELA_PORT: expected a whole number from 1 to 65535, got "eighty"');

    // Shaped like a key, but its checksum is wrong.
    writeFileSync(config, `${readBack()}backup: { recipient: age1${'q'.repeat(58)} }\n`);
    const key = await check({ CENTINELA_CONFIG: config, CENTINELA_SECRET: STRONG });
    expect(key.code).toBe(1);
    expect(key.text).toContain('backup.recipient: not a valid age public key');
  });
});

function readBack(): string {
  return readFileSync(config, 'utf8');
}
