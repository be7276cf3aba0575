/**
 * The real process: a broken config exits non-zero listing each problem (a simulator beside a
 * real platform or on a public address included, in `check-config` too); killing the bot with
 * SIGKILL mid-conversation loses nothing (the tipster continues at the same step after a
 * restart), and a message delivered twice is answered once.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, runCli, runScript, startBot, tempDir, waitHealthy, writeConfig } from './process.js';

/** Random-looking: a guessable secret is refused at start. */
const SECRET = 'e2e-Qm7vZ2rK9xLp4Wn8Hs3Jd6Tb1Yc5Fg0Ae';
const METRICS_TOKEN = 'e2e-metrics-token-0123456789abcdefghij';

interface SimMessage {
  text: string;
}

async function post(port: number, body: Record<string, unknown>): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function botMessages(port: number, chat: string): Promise<SimMessage[]> {
  const res = await fetch(`http://127.0.0.1:${port}/simulator/messages?chat=${encodeURIComponent(chat)}`);
  return (await res.json()) as SimMessage[];
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the bot process', () => {
  it('refuses a broken config, printing each problem with its path', async () => {
    const dir = tempDir();
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      `network: { name: X, hotline: "+1 555", timezone: America/Nowhere, languages: [es, de] }
http: { port: 70000 }
zones:
  - id: a
    name: { en: A }
    area: { center: [34, -118], radiusMeters: -5 }
`,
    );
    const bot = startBot({ CENTINELA_CONFIG: file, CENTINELA_SECRET: SECRET });
    const code = await bot.exited;
    expect(code).not.toBe(0);
    const out = bot.output();
    expect(out).toContain('network.timezone');
    expect(out).toContain('network.languages[1]');
    expect(out).toContain('http.port');
    expect(out).toContain('zones[0].area.radiusMeters');
  });

  it('check-config and start-up refuse the simulator beside a real platform, or on a non-loopback host', async () => {
    const dir = tempDir();
    const port = await freePort();
    const beside = writeConfig(dir, port, '  signal: { url: "http://127.0.0.1:9", number: "+15550100" }\n');
    const exposed = writeConfig(tempDir(), port);
    writeFileSync(exposed, readFileSync(exposed, 'utf8').replace('host: 127.0.0.1', 'host: 0.0.0.0'));
    const cases = [
      { file: beside, error: 'platforms.simulator.enabled: the simulator cannot run beside a real platform (platforms.signal is on)' },
      {
        file: exposed,
        error: 'platforms.simulator.enabled: the simulator only runs on this machine, but http.host is "0.0.0.0"',
      },
    ];
    for (const { file, error } of cases) {
      const env = { CENTINELA_CONFIG: file, CENTINELA_SECRET: SECRET };
      const checked = await runCli(['check-config'], env);
      expect(checked.code).toBe(1);
      expect(checked.output).toContain(error);
      expect(checked.output).not.toContain('The config is valid');

      const bot = startBot(env);
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toContain(error);
      expect(bot.output()).not.toContain('Centinela is running');
    }
    // Nothing ever listened on the port.
    await expect(fetch(`http://127.0.0.1:${port}/simulator/info`)).rejects.toThrow();
  }, 60_000);

  it('/health with http.metricsToken: the token is required, even from this machine; the health check sends it', async () => {
    const dir = tempDir();
    const port = await freePort();
    const file = writeConfig(dir, port);
    writeFileSync(file, readFileSync(file, 'utf8').replace('host: 127.0.0.1 }', `host: 127.0.0.1, metricsToken: ${METRICS_TOKEN} }`));
    const env = { CENTINELA_CONFIG: file, CENTINELA_SECRET: randomBytes(36).toString('base64') };
    const bot = startBot(env);
    try {
      await waitFor(
        () =>
          fetch(`http://127.0.0.1:${port}/health`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then(
            (r) => r.status,
            () => 0,
          ),
        (status) => status === 200,
      );
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(await metrics.text()).toContain('centinela_inbound_total');
      // What the Dockerfile's HEALTHCHECK runs.
      const check = await runScript('app/healthcheck.ts', env);
      expect(check.code).toBe(0);
      expect(check.output).toMatch(/^200 \{"ok":true/);
    } finally {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
    // Once the bot is gone, the health check says so.
    expect((await runScript('app/healthcheck.ts', env)).code).toBe(1);
  }, 60_000);

  it('refuses to start a real network config without a secret', async () => {
    const dir = tempDir();
    const bot = startBot({ CENTINELA_CONFIG: writeConfig(dir, await freePort()), CENTINELA_SECRET: '', CENTINELA_SECRET_FILE: '' });
    expect(await bot.exited).not.toBe(0);
    expect(bot.output()).toContain('CENTINELA_SECRET_FILE');
  });

  it('refuses to start with a secret file others can read, or a guessable secret, and says what to do', async () => {
    const dir = tempDir();
    const config = writeConfig(dir, await freePort());
    const file = join(dir, 'secret');
    writeFileSync(file, `${randomBytes(36).toString('base64')}\n`);
    chmodSync(file, 0o644);
    const readable = startBot({ CENTINELA_CONFIG: config, CENTINELA_SECRET: '', CENTINELA_SECRET_FILE: file });
    expect(await readable.exited).not.toBe(0);
    expect(readable.output()).toContain(`Run: chmod 600 ${file}`);

    const guessable = startBot({ CENTINELA_CONFIG: config, CENTINELA_SECRET: 'a'.repeat(32), CENTINELA_SECRET_FILE: '' });
    expect(await guessable.exited).not.toBe(0);
    expect(guessable.output()).toContain('CENTINELA_SECRET is too easy to guess');
    expect(guessable.output()).not.toContain('a'.repeat(32));
  });

  it('survives SIGKILL mid-conversation and answers a redelivered message once', async () => {
    const dir = tempDir();
    const port = await freePort();
    const env = { CENTINELA_CONFIG: writeConfig(dir, port, 'intake: { burstSeconds: 1 }\n'), CENTINELA_SECRET: SECRET };
    let bot = startBot(env);
    try {
      await waitHealthy(port);
      expect((await post(port, { sender: 'rosa', text: 'hola', id: 'r-1' })).status).toBe(202);
      await new Promise((r) => setTimeout(r, 1200)); // beyond the burst window
      expect((await post(port, { sender: 'rosa', text: 'no', id: 'r-2' })).status).toBe(202);
      const before = await waitFor(
        () => botMessages(port, 'rosa'),
        (m) => m.length >= 3,
      );
      expect(before.at(-1)?.text).toMatch(/Qué están haciendo/);

      bot.child.kill('SIGKILL');
      await bot.exited;
      bot = startBot(env);
      await waitHealthy(port);

      // The platform redelivers the last message after the crash: it must not be answered again.
      expect((await post(port, { sender: 'rosa', text: 'no', id: 'r-2' })).status).toBe(202);
      expect((await post(port, { sender: 'rosa', text: 'están tocando puertas', id: 'r-3' })).status).toBe(202);
      const after = await waitFor(
        () => botMessages(port, 'rosa'),
        (m) => m.length >= before.length + 1,
      );
      expect(after.length).toBe(before.length + 1);
      expect(after.at(-1)?.text).toMatch(/Dónde/);
    } finally {
      bot.child.kill('SIGKILL');
      await bot.exited;
    }
  }, 60_000);
});
