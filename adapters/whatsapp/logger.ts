/**
 * The logger handed to Baileys ({@link baileysLogger}). The adapter itself logs to the one
 * {@link Logger} (bot/logger.ts): states, codes and counts, never message text, phone numbers or
 * JIDs. Baileys logs whole stanzas, JIDs, phone numbers and message keys at every level, so by
 * default it is silent; given a logger, only its warnings and errors pass, as a message with every
 * long digit run and JID scrubbed, and no structured fields.
 */
import type { SocketConfig } from '@whiskeysockets/baileys';
import type { Logger } from '../../bot/logger.js';

/** Baileys' logger interface (pino-compatible). */
export type BaileysLogger = SocketConfig['logger'];

const noop = (): void => undefined;

/** Removes JIDs, LIDs and phone-number-like digit runs from a log line. */
export function scrub(text: string): string {
  return text
    .replace(/[\w.+:-]*@(s\.whatsapp\.net|c\.us|lid|g\.us|broadcast|newsletter|hosted(\.lid)?)\b/g, '<jid>')
    .replace(/\+?\d[\d\s-]{5,}\d/g, '<n>')
    .slice(0, 300);
}

/**
 * The logger for Baileys: silent without `target`; with one, warnings and errors only, scrubbed.
 * @example makeWASocket({ logger: baileysLogger(log), ... })
 */
export function baileysLogger(target?: Logger): BaileysLogger {
  const forward = (level: 'warn' | 'error') => (obj: unknown, msg?: string) => {
    if (!target) return;
    const text = typeof obj === 'string' ? obj : (msg ?? '');
    const err = obj && typeof obj === 'object' && 'err' in obj && obj.err instanceof Error ? obj.err.name : undefined;
    target[level](err ? { err } : {}, `baileys: ${scrub(text) || 'no message'}`);
  };
  const logger: BaileysLogger = {
    level: target ? 'warn' : 'silent',
    child: () => logger,
    trace: noop,
    debug: noop,
    info: noop,
    warn: forward('warn'),
    error: forward('error'),
  };
  return logger;
}
