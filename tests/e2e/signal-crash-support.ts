/**
 * Helpers for the crash-loop tests over Signal: tipsters who keep writing to the fake
 * signal-cli-rest-api, the real bot process started, SIGKILLed and stopped, and the tally of
 * which tip got which answer.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataEnvelope } from '../fakes/signal/envelopes.js';
import type { FakeSignalServer } from '../fakes/signal/fake-server.js';
import { BOT_NUMBER, uuidFor } from '../fakes/signal/harness.js';
import { startBot, type BotProcess } from './process.js';

/** Random-looking: a guessable secret is refused at start. */
export const SECRET = 'e2e-Qm7vZ2rK9xLp4Wn8Hs3Jd6Tb1Yc5Fg0Ae';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A config with Signal alone. `receive` unset means the default is what runs. */
export function writeSignalOnlyConfig(dir: string, port: number, signalUrl: string, receive?: 'websocket'): string {
  const file = join(dir, 'centinela.yaml');
  const extra = receive ? `, receive: ${receive}` : '';
  writeFileSync(
    file,
    `network: { name: "Test Network", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ${JSON.stringify(join(dir, 'data', 'centinela.db'))} }
http: { port: ${port}, host: 127.0.0.1 }
intake: { burstSeconds: 1 }
platforms:
  signal: { url: "${signalUrl}", number: "${BOT_NUMBER}"${extra}, reconnect: { initialMs: 50, maxMs: 200 } }
`,
  );
  return file;
}

/** One tip: a new tipster's first message. */
export interface Tip {
  uuid: string;
  /** When it reached Signal (Date.now()). */
  at: number;
  /** What the fake said on push: false in json-rpc mode when no socket was connected (dropped). */
  delivered: boolean;
}

/**
 * Tipsters who keep writing: every `everyMs`, a new tipster sends "hola". A new tipster per
 * message makes "answered exactly once" exact: each uuid must get the same answer, once.
 */
export class Tipsters {
  readonly tips: Tip[] = [];
  private timer: NodeJS.Timeout | undefined;
  private n = 0;

  constructor(
    private readonly fake: FakeSignalServer,
    private readonly label: string,
  ) {}

  start(everyMs: number): void {
    this.timer = setInterval(() => this.write(), everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  write(): Tip {
    const uuid = uuidFor(`${this.label}-${this.n++}`);
    const at = Date.now();
    const delivered = this.fake.pushEnvelope(dataEnvelope({ uuid }, 'hola', { timestamp: at }));
    const tip = { uuid, at, delivered };
    this.tips.push(tip);
    return tip;
  }
}

/** The running bot, restarted as often as the test likes. */
export class Bot {
  current: BotProcess | undefined;
  readonly outputs: string[] = [];

  constructor(private readonly env: Record<string, string>) {}

  start(): BotProcess {
    this.current = startBot(this.env);
    return this.current;
  }

  /** SIGKILL: no chance to finish anything. Returns when the process is gone. */
  async kill(): Promise<number> {
    const b = this.current!;
    const at = Date.now();
    b.child.kill('SIGKILL');
    await b.exited;
    this.outputs.push(b.output());
    return at;
  }

  /** SIGTERM: a graceful stop. Returns when it has exited, with its exit code. */
  async terminate(): Promise<{ at: number; code: number | null }> {
    const b = this.current!;
    const at = Date.now();
    b.child.kill('SIGTERM');
    const code = await b.exited;
    this.outputs.push(b.output());
    return { at, code };
  }

  /** Ends whatever still runs (after a failed test). */
  async cleanup(): Promise<void> {
    const b = this.current;
    if (!b || b.child.exitCode !== null || b.child.signalCode !== null) return;
    b.child.kill('SIGKILL');
    await b.exited;
  }

  allOutput(): string {
    return [...this.outputs, this.current?.output() ?? ''].join('\n');
  }
}

/** The sender uuid of a receive frame. */
export function senderOf(frame: unknown): string | undefined {
  const env = (frame as { envelope?: { sourceUuid?: unknown } } | undefined)?.envelope;
  return typeof env?.sourceUuid === 'string' ? env.sourceUuid : undefined;
}

/**
 * The senders whose messages a receive call under way at each SIGKILL took: for each kill, the
 * last call the fake got before it (the bot makes one call at a time, and delivers a call's
 * messages before it asks again).
 */
export function takenAtKills(fake: FakeSignalServer, killTimes: number[]): { perKill: number[]; senders: Set<string> } {
  const calls = fake.receiveCalls();
  const senders = new Set<string>();
  const perKill = killTimes.map((k) => {
    const call = calls.filter((c) => c.requestedAt <= k).at(-1);
    const taken = (call?.taken ?? []).map(senderOf).filter((s): s is string => s !== undefined);
    for (const s of taken) senders.add(s);
    return taken.length;
  });
  return { perKill, senders };
}

/** The p-th percentile (0-100) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** How each tip was answered: how many sends its tipster got, and when the first came. */
export interface Answered {
  /** Sends to this tipster. */
  count: number;
  /** When the first one reached the server. */
  firstAt?: number;
  /** When each reached the server. */
  sentAt: number[];
  /** One of them was still under way when the bot was killed: the bot never got the answer. */
  sendCutByKill: boolean;
}

export function tally(fake: FakeSignalServer, tips: Tip[]): Map<string, Answered> {
  const out = new Map<string, Answered>();
  for (const t of tips) out.set(t.uuid, { count: 0, sentAt: [], sendCutByKill: false });
  for (const s of fake.sent()) {
    const to = s.body.recipients?.[0];
    const row = to === undefined ? undefined : out.get(to);
    if (!row) continue;
    row.count++;
    row.firstAt ??= s.timestamp;
    row.sentAt.push(s.timestamp);
    if (s.unanswered) row.sendCutByKill = true;
  }
  return out;
}
