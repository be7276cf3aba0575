/**
 * `npm run bench`: drives the real runtime (engine, SQLite on a file in WAL mode, outbox) with
 * 2,000 tipsters talking at once, interleaved (in a shuffled order each round, the same every
 * run), each sending 7 messages, through `receive()`, the adapters' entry point. Messages arrive BENCH_ARRIVALS at a time (default 100, as a platform
 * batch or webhooks landing together; 1 hands them over one by one), and each counts as answered
 * only when its `receive()` resolves, which is after the commit that stored its inbox mark,
 * session and outbox rows. Replies are drained by a no-op adapter every 200 messages. Then opens
 * 10,000 sessions and reports the process's peak RSS. Prints one JSON line, with the durability
 * the database ran with (BENCH_SYNCHRONOUS=FULL for an fsync per commit), the commits made, the
 * CPU time per message and the machine's load average (other work on it slows the run down).
 * It runs with `npm start`'s Node flags (see tests/node-flags.test.ts) and prints them with Node's
 * version: the Docker image runs Node 24, faster on this path than Node 20.
 * Like `npm start`, it first warms the message path up with made-up conversations that are
 * rolled back (see Runtime.warmUp); `warm_up_ms` says how long that took.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { composeCentinela } from '../app/compose.js';
import { createLogger } from '../app/logger.js';
import { DEMO_CONFIG, type Config } from '../bot/config/index.js';
import type { InboundMessage, OutboundMessage } from '../bot/messages.js';
import type { AdapterPort, InboundHandler, SendResult } from '../bot/port.js';

const TIPSTERS = Number(process.env.BENCH_TIPSTERS ?? 2000);
const OPEN_SESSIONS = Number(process.env.BENCH_OPEN_SESSIONS ?? 10_000);
const ARRIVALS = Math.max(1, Number(process.env.BENCH_ARRIVALS ?? 100));
const SYNCHRONOUS = process.env.BENCH_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL';
const SCRIPT = ['hola', 'no', 'están tocando puertas', '1st y Soto', 'hace 10 minutos', '4 agentes, 2 camionetas', 'chalecos de ICE'];

/** The tipsters in a shuffled order (a fixed-seed generator: every run sends the same sequence). */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

class NoopAdapter implements AdapterPort {
  readonly platform = 'simulator' as const;
  sent = 0;
  async start(_h: InboundHandler): Promise<void> {}
  async stop(): Promise<void> {}
  async send(_m: OutboundMessage): Promise<SendResult> {
    this.sent += 1;
    return { messageId: String(this.sent) };
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'centinela-bench-'));
  let now = Date.UTC(2026, 10, 21, 17, 0, 0);
  const adapter = new NoopAdapter();
  const config = structuredClone(DEMO_CONFIG) as Config;
  const bot = composeCentinela({
    config,
    secret: Buffer.from('bench-secret-bench-secret-bench-secret-bench'),
    logger: createLogger('silent'),
    dbPath: join(dir, 'bench.db'),
    simulatorHistoryPath: ':memory:',
    clock: () => now,
    adapters: [adapter],
    synchronous: SYNCHRONOUS,
  });
  const durability = {
    journal_mode: bot.store.db.pragma('journal_mode', { simple: true }) as string,
    synchronous: ['OFF', 'NORMAL', 'FULL', 'EXTRA'][bot.store.db.pragma('synchronous', { simple: true }) as number],
    answered: 'after commit',
  };
  // As `npm start` does before its adapters start (see Runtime.warmUp); rolled back, so it stores nothing.
  const warm0 = performance.now();
  bot.runtime.warmUp();
  const warmUpMs = performance.now() - warm0;
  let peakRss = 0;
  const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

  const latencies = new Float64Array(TIPSTERS * SCRIPT.length);
  let n = 0;
  let drainMs = 0;
  let handleMs = 0;
  const outcomes = new Map<string, number>();
  /** Hands `msgs` over together; each one's latency runs from its receive() to its commit. */
  const arrive = async (msgs: InboundMessage[]) => {
    const t0 = performance.now();
    await Promise.all(
      msgs.map((msg) =>
        bot.runtime.receive(msg).then((outcome) => {
          latencies[n++] = performance.now() - t0;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }),
      ),
    );
    handleMs += performance.now() - t0;
  };
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < SCRIPT.length; round++) {
    now += 30_000; // tipsters answer ~30 s apart: no message falls in another's burst window
    const order = shuffled(TIPSTERS, round + 1);
    for (let first = 0; first < TIPSTERS; first += ARRIVALS) {
      const msgs: InboundMessage[] = [];
      for (const t of order.slice(first, first + ARRIVALS)) {
        msgs.push({
          platform: 'simulator',
          chat: { id: `tipster-${t}`, kind: 'direct' },
          sender: `tipster-${t}`,
          messageId: `b-${t}-${round}`,
          timestamp: now,
          text: SCRIPT[round] ?? '',
          attachments: [],
        });
      }
      const before = n;
      await arrive(msgs);
      if (Math.floor(n / 200) > Math.floor(before / 200)) {
        const d0 = performance.now();
        await bot.dispatcher.drain();
        drainMs += performance.now() - d0;
      }
    }
    sampleRss();
  }
  await bot.dispatcher.drain();
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const group = { ...bot.runtime.group.counters };
  sampleRss();

  // Open sessions: 10,000 tipsters each mid-conversation.
  now += 30_000;
  for (let first = 0; first < OPEN_SESSIONS; first += ARRIVALS) {
    const msgs: InboundMessage[] = [];
    for (let t = first; t < Math.min(first + ARRIVALS, OPEN_SESSIONS); t++) {
      msgs.push({
        platform: 'simulator',
        chat: { id: `open-${t}`, kind: 'direct' },
        sender: `open-${t}`,
        messageId: `o-${t}`,
        timestamp: now,
        text: 'hola',
        attachments: [],
      });
    }
    await Promise.all(msgs.map((msg) => bot.runtime.receive(msg)));
    if (Math.floor((first + msgs.length) / 500) > Math.floor(first / 500)) {
      await bot.dispatcher.drain();
      sampleRss();
    }
  }
  await bot.dispatcher.drain();
  sampleRss();
  const stats = bot.store.stats();

  const sorted = Array.from(latencies.subarray(0, n)).sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
  const result = {
    scenario: `intake-${TIPSTERS}x${SCRIPT.length}`,
    messages: n,
    handled: outcomes.get('handled') ?? 0,
    msgs_per_sec: Math.round(n / elapsed),
    p50_ms: Number((sorted[Math.floor(sorted.length * 0.5)] ?? 0).toFixed(3)),
    p99_ms: Number(p99.toFixed(3)),
    rss_mb: Math.round(peakRss / 1024 / 1024),
    open_sessions: stats.sessions,
    sent: adapter.sent,
    outbox_pending: stats.outboxPending,
    arrivals: ARRIVALS,
    durability,
    commits: group.commits,
    msgs_per_commit: Number((group.items / Math.max(1, group.commits)).toFixed(1)),
    cpu_us_per_msg: Math.round((cpu.user + cpu.system) / n),
    drain_ms: Math.round(drainMs),
    handle_ms: Math.round(handleMs),
    warm_up_ms: Math.round(warmUpMs),
    loadavg_1m: Number((loadavg()[0] ?? 0).toFixed(2)),
    node: process.version,
    node_flags: process.execArgv.join(' '),
  };
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
