/**
 * Issue 5, set-up side: `centinela signal groups` and `centinela signal link` against the fake
 * signal-cli-rest-api, through runCli with a real YAML config file (CENTINELA_CONFIG), the way an
 * admin runs them; then the printed ids pasted into the config are accepted, and the real
 * processes (`app/cli.ts`, `app/main.ts`) behave the same.
 */
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../app/cli.js';
import { createLogger } from '../../app/logger.js';
import { buildPlatforms } from '../../app/platforms.js';
import { loadConfig } from '../../bot/config/index.js';
import { FakeSignalServer } from '../fakes/signal/fake-server.js';
import { BOT_NUMBER } from '../fakes/signal/harness.js';
import { freePort, ROOT, startBot, tempDir, type BotProcess } from './process.js';

const run = promisify(execFile);

let fake: FakeSignalServer | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  if (bot && bot.child.exitCode === null) {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  bot = undefined;
  await fake?.close();
  fake = undefined;
});

function buffer(): { out: { write(s: string): void }; text: () => string } {
  let s = '';
  return { out: { write: (x: string) => void (s += x) }, text: () => s };
}

/** A config as an admin writes it before any Signal group is known; `chats` is pasted in later. */
function writeConfig(dir: string, signalUrl: string, chats = '', port = 3000): string {
  const file = join(dir, 'centinela.yaml');
  writeFileSync(
    file,
    `network: { name: "Eastside Rapid Response", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ${JSON.stringify(join(dir, 'data', 'centinela.db'))} }
http: { host: 127.0.0.1, port: ${port} }
zones:
  - id: eastside
    name: { en: East Side, es: Lado Este }
    aliases: [boyle heights, "90033"]
    area: { center: [34.0341, -118.2053], radiusMeters: 3000 }
${chats}
platforms:
  signal:
    url: ${signalUrl}
    number: "${BOT_NUMBER}"
    receive: websocket
    reconnect: { initialMs: 50, maxMs: 200 }
`,
  );
  return file;
}

describe('centinela signal … against the fake signal-cli-rest-api (issue 5)', () => {
  it('signal groups prints every group with both id forms, and the printed ids work when pasted into the config', async () => {
    fake = await FakeSignalServer.start();
    const verifiers = fake.addGroup('Verificadores Este', '2DicEQ5lOnSc516Tte0nVAd4dSofTvryO3zsZjwEetg=');
    const east = fake.addGroup('Respuesta Lado Este');
    const dir = tempDir();
    const env = { CENTINELA_CONFIG: writeConfig(dir, fake.url), CENTINELA_SECRET: randomBytes(36).toString('base64') };

    const b = buffer();
    expect(await runCli(['signal', 'groups'], b.out, env)).toBe(0);
    const text = b.text();
    expect(text).toContain('Signal groups of this account (2):');
    for (const g of [verifiers, east]) {
      expect(text).toContain(`  ${g.name}\n`);
      expect(text).toContain(`    id:          ${g.id}\n`);
      expect(text).toContain(`    internal_id: ${g.internal_id}\n`);
    }
    expect(verifiers.id).toBe('group.MkRpY0VRNWxPblNjNTE2VHRlMG5WQWQ0ZFNvZlR2cnlPM3pzWmp3RWV0Zz0=');
    expect(fake.requests).toContain(`GET /v1/groups/${encodeURIComponent(BOT_NUMBER)}`);

    // Paste the snippet lines as printed (verifier group), and the raw internal_id (responders).
    const snippet = (name: string) => text.split('\n').find((l) => l.startsWith('    - { platform: signal') && l.endsWith(`# ${name}`))!;
    expect(snippet('Verificadores Este')).toBe(`    - { platform: signal, id: "${verifiers.id}" }  # Verificadores Este`);
    const chats = `chats:
  verifiers:
${snippet('Verificadores Este')}
  responders:
    - { platform: signal, id: "${east.internal_id}", zones: [eastside], language: es }
verifiers:
  - { platform: signal, id: "0D1E2F3A-4B5C-4D6E-8F70-8192A3B4C5D6" }`;
    env.CENTINELA_CONFIG = writeConfig(dir, fake.url, chats);
    const check = buffer();
    expect(await runCli(['check-config'], check.out, env)).toBe(0);
    expect(check.text()).toContain('The config is valid.');
    const loaded = loadConfig(env);
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const built = buildPlatforms(loaded.config, env, createLogger('silent'));
    if (!built.ok) throw new Error(built.errors.join('\n'));
    expect(built.config.chats.verifiers[0]!.id).toBe(verifiers.id);
    expect(built.config.chats.responders[0]!.id).toBe(east.id); // the raw form, normalised
    expect(built.config.verifiers[0]!.id).toBe('0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6');
  });

  it('signal link prints a terminal QR code and the sgnl:// link', async () => {
    fake = await FakeSignalServer.start();
    const env = { CENTINELA_CONFIG: writeConfig(tempDir(), fake.url) };
    const b = buffer();
    expect(await runCli(['signal', 'link'], b.out, env)).toBe(0);
    const text = b.text();
    expect(text).toContain('Link Centinela to your Signal account as device "centinela"');
    expect(text).toMatch(/[▀▄█]{8}/); // the QR code, drawn with block characters
    expect(text).toMatch(/\nsgnl:\/\/linkdevice\?uuid=[\w-]+&pub_key=[\w-]+\n/);
    expect(fake.requests).toContain('GET /v1/qrcodelink/raw');
  });

  it('with the server down, signal groups explains what to check and exits 1', async () => {
    fake = await FakeSignalServer.start();
    const url = fake.url;
    await fake.stop();
    const b = buffer();
    expect(await runCli(['signal', 'groups'], b.out, { CENTINELA_CONFIG: writeConfig(tempDir(), url) })).toBe(1);
    expect(b.text()).toContain(`Could not reach signal-cli-rest-api at ${url}`);
    expect(b.text()).toContain('Is the container running, and is platforms.signal.url right?');
  });

  it('as processes: `centinela signal groups` prints the groups; `npm start` with the server down stays up, reports 503, then connects', async () => {
    fake = await FakeSignalServer.start();
    fake.addGroup('Verificadores Este');
    const dir = tempDir();
    const port = await freePort();
    const config = writeConfig(dir, fake.url, '', port);

    const cli = await run(process.execPath, ['--import', 'tsx', 'app/cli.ts', 'signal', 'groups'], {
      cwd: ROOT,
      env: { ...process.env, CENTINELA_CONFIG: config },
      timeout: 15_000,
    });
    expect(cli.stdout).toContain('Signal groups of this account (1):');
    expect(cli.stdout).toContain('  Verificadores Este\n');

    await fake.stop();
    bot = startBot({ CENTINELA_CONFIG: config, CENTINELA_SECRET: 'e2e-Qm7vZ2rK9xLp4Wn8Hs3Jd6Tb1Yc5Fg0Ae', LOG_LEVEL: 'warn' });
    const status = async (): Promise<number | undefined> => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/health`)).status;
      } catch {
        return undefined;
      }
    };
    const deadline = Date.now() + 15_000;
    let seen: number | undefined;
    while (seen === undefined && Date.now() < deadline && bot.child.exitCode === null) {
      seen = await status();
      if (seen === undefined) await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen, bot.output()).toBe(503);
    await new Promise((r) => setTimeout(r, 300)); // a few reconnect attempts
    expect(bot.child.exitCode).toBeNull();
    expect(await status()).toBe(503);

    await fake.start();
    await fake.waitForSockets(1, 3_000);
    const upBy = Date.now() + 2_000;
    while ((await status()) !== 200 && Date.now() < upBy) await new Promise((r) => setTimeout(r, 20));
    expect(await status()).toBe(200);
    expect(bot.output()).not.toMatch(/"level":(50|60)/);
  });
});
