/** Small helpers shared by the Signal adapter tests and the contract harness. */
import { createHash } from 'node:crypto';
import { parseSignalConfig } from '../../../adapters/signal/config.js';
import type { SignalConfig } from '../../../adapters/signal/config.js';
import type { Logger } from '../../../bot/logger.js';

export const BOT_NUMBER = '+15550100';

/** A valid config for the fake at `url`, with fast reconnects for tests. */
export function testConfig(url: string, over: Record<string, unknown> = {}): SignalConfig {
  const r = parseSignalConfig({ url, number: BOT_NUMBER, reconnect: { initialMs: 20, maxMs: 200 }, pollIntervalMs: 20, ...over });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.config;
}

/** A stable UUID for a test user name (so 'user-a' is the same person in every message). */
export function uuidFor(name: string): string {
  const h = createHash('sha256').update(`signal-test:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export { eventually } from '../../support/eventually.js';

export interface LogLine {
  level: 'info' | 'warn' | 'error' | 'debug';
  obj: Record<string, unknown>;
  msg: string;
}

/** A logger that records every line, to check what is (not) logged. */
export function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') }, lines };
}

/** Increasing envelope timestamps. */
export function clock(start = 1_722_868_000_000): () => number {
  let t = start;
  return () => (t += 1000);
}
