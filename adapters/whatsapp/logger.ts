/**
 * Loggers for the WhatsApp adapter.
 *
 * - {@link WhatsAppLogger}: what the adapter itself logs; fields are states, codes and counts,
 *   never message text, phone numbers or JIDs (pino's Logger fits).
 * - {@link baileysLogger}: the logger handed to Baileys. Baileys logs whole stanzas, JIDs, phone
 *   numbers and message keys at every level, so by default it is silent; given a logger, only its
 *   warnings and errors pass, as a message with every long digit run and JID scrubbed, and no
 *   structured fields.
 */
import type { SocketConfig } from '@whiskeysockets/baileys';

/** The logger calls the adapter makes. */
export interface WhatsAppLogger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

/** Baileys' logger interface (pino-compatible). */
export type BaileysLogger = SocketConfig['logger'];

const noop = (): void => undefined;

/** A logger that drops everything. */
export const silentLogger: WhatsAppLogger = { debug: noop, info: noop, warn: noop, error: noop };

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
export function baileysLogger(target?: WhatsAppLogger): BaileysLogger {
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
