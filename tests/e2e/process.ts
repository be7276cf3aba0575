/** Starts the real bot (`app/main.ts`) as a child process on loopback, for end-to-end tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? res(addr.port) : rej(new Error('no port'))));
    });
  });
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'centinela-'));
}

/**
 * The head every test config starts with: the network, its database in `dir/data` and, given a
 * port, HTTP on loopback.
 */
export function configHead(dir: string, port?: number): string {
  return `network: { name: "Test Network", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ${JSON.stringify(join(dir, 'data', 'centinela.db'))} }
${port === undefined ? '' : `http: { port: ${port}, host: 127.0.0.1 }\n`}`;
}

/** The demo's zone, chats, verifier and simulator, under a `configHead`. */
export const SIMULATOR_NETWORK = `zones:
  - id: eastside
    name: { en: East Side, es: Lado Este }
    aliases: [boyle heights, "90033"]
    area: { center: [34.0341, -118.2053], radiusMeters: 3000 }
chats:
  verifiers: [{ platform: simulator, id: verifiers }]
  responders: [{ platform: simulator, id: responders-east, zones: [eastside], language: es }]
verifiers: [{ platform: simulator, id: verifier-1 }]
platforms:
  simulator: { enabled: true }
`;

/** Writes `text` as `dir/centinela.yaml`; returns its path. */
export function writeConfigFile(dir: string, text: string): string {
  const file = join(dir, 'centinela.yaml');
  writeFileSync(file, text);
  return file;
}

/** Writes a config like the demo's, on the given port, with its data in `dir`. */
export function writeConfig(dir: string, port: number, extra = ''): string {
  return writeConfigFile(dir, configHead(dir, port) + SIMULATOR_NETWORK + extra);
}

/**
 * Writes a config for a real platform alone (no simulator, no chats yet), on the given port.
 * `platforms` is the YAML under `platforms:`, indented two spaces.
 */
export function writePlatformConfig(dir: string, port: number, platforms: string): string {
  return writeConfigFile(dir, `${configHead(dir, port)}platforms:\n${platforms}`);
}

export interface BotProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function startBot(env: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'app/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return { child, output: () => out, exited };
}

/** Runs `centinela <args>` (app/cli.ts) to the end; returns its exit code and output. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return runScript('app/cli.ts', env, args);
}

/** Runs one of the project's scripts (e.g. app/healthcheck.ts) to the end; returns its exit code and output. */
export function runScript(
  script: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((res) => child.once('exit', (code) => res({ code, output })));
}

export async function waitHealthy(port: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('bot did not become healthy');
    await new Promise((r) => setTimeout(r, 100));
  }
}
