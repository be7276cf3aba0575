/**
 * `npm run bench`: drives the real runtime (engine, SQLite on a file in WAL mode, outbox) with
 * 2,000 tipsters talking at once, interleaved, each sending 7 messages; every message is its own
 * transaction with its replies written to the outbox, drained by a no-op adapter. Then opens
 * 10,000 sessions and reports the process's peak RSS. Prints one JSON line.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { composeCentinela } from '../app/compose.js';
import { createLogger } from '../app/logger.js';
import { DEMO_CONFIG, type Config } from '../bot/config/index.js';
import type { InboundMessage, OutboundMessage } from '../bot/messages.js';
import type { AdapterPort, InboundHandler, SendResult } from '../bot/port.js';

const TIPSTERS = Number(process.env.BENCH_TIPSTERS ?? 2000);
const OPEN_SESSIONS = Number(process.env.BENCH_OPEN_SESSIONS ?? 10_000);
const SCRIPT = ['hola', 'no', 'están tocando puertas', '1st y Soto', 'hace 10 minutos', '4 agentes, 2 camionetas', 'chalecos de ICE'];

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
  });
  let peakRss = 0;
  const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

  const latencies = new Float64Array(TIPSTERS * SCRIPT.length);
  let n = 0;
  let drainMs = 0;
  const started = performance.now();
  for (let round = 0; round < SCRIPT.length; round++) {
    now += 30_000; // tipsters answer ~30 s apart: no message falls in another's burst window
    for (let t = 0; t < TIPSTERS; t++) {
      const msg: InboundMessage = {
        platform: 'simulator',
        chat: { id: `tipster-${t}`, kind: 'direct' },
        sender: `tipster-${t}`,
        messageId: `b-${t}-${round}`,
        timestamp: now,
        text: SCRIPT[round] ?? '',
        attachments: [],
      };
      const t0 = performance.now();
      bot.runtime.handleInbound(msg);
      latencies[n++] = performance.now() - t0;
      if (n % 200 === 0) {
        const d0 = performance.now();
        await bot.dispatcher.drain();
        drainMs += performance.now() - d0;
      }
    }
    sampleRss();
  }
  await bot.dispatcher.drain();
  const elapsed = (performance.now() - started) / 1000;
  sampleRss();

  // Open sessions: 10,000 tipsters each mid-conversation.
  now += 30_000;
  for (let t = 0; t < OPEN_SESSIONS; t++) {
    bot.runtime.handleInbound({
      platform: 'simulator',
      chat: { id: `open-${t}`, kind: 'direct' },
      sender: `open-${t}`,
      messageId: `o-${t}`,
      timestamp: now,
      text: 'hola',
      attachments: [],
    });
    if (t % 500 === 0) {
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
    msgs_per_sec: Math.round(n / elapsed),
    p99_ms: Number(p99.toFixed(3)),
    rss_mb: Math.round(peakRss / 1024 / 1024),
    open_sessions: stats.sessions,
    sent: adapter.sent,
    outbox_pending: stats.outboxPending,
    drain_ms: Math.round(drainMs),
    handle_ms: Math.round(latencies.reduce((a, b) => a + b, 0)),
  };
  await bot.stop();
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
