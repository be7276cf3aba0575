/**
 * Structured logs with pino and an allow-list of fields: a log line can carry ids of our own
 * (report numbers, outbox rows), counts, codes and states, and nothing else. Message text,
 * coordinates, phone numbers, platform ids and tokens cannot reach a log even by mistake: any
 * field not on the list is dropped, and error objects are reduced to their class name and code.
 */
import pino, { type Logger } from 'pino';

export const LOG_FIELDS: ReadonlySet<string> = new Set([
  'component',
  'platform',
  'report',
  'status',
  'urgent',
  'groups',
  'outbox',
  'attempts',
  'attempt',
  'code',
  'delay',
  'err',
  'signal',
  'url',
  'config',
  'dir',
  'input',
  'count',
  'state',
  'mode',
  'receive',
  'reason',
  'max',
  'size',
  'failures',
  'detail',
  'from',
  'to',
  'configured',
  'actual',
  'running',
  'removed',
  'elapsedMs',
]);

/** Keeps allowed fields only; an error becomes `{ name, code }`. */
export function allowListed(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (!LOG_FIELDS.has(key)) continue;
    if (value instanceof Error) {
      const code = (value as { code?: unknown }).code;
      out[key] = { name: value.name, ...(typeof code === 'string' ? { code } : {}) };
    } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      out[key] = typeof value === 'string' ? value.slice(0, 200) : value;
    }
  }
  return out;
}

const LINE_FIELDS = new Set(['level', 'time', 'msg', 'app']);

/**
 * The last gate before output: every line is re-read and only allowed fields are written, so
 * fields bound to child loggers are filtered too.
 */
function gate(out: pino.DestinationStream): pino.DestinationStream {
  return {
    write(chunk: string) {
      for (const line of chunk.split('\n')) {
        if (!line) continue;
        let parsed: Record<string, unknown>;
        try {
          parsed = JSON.parse(line) as Record<string, unknown>;
        } catch {
          continue;
        }
        const kept: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(parsed)) if (LINE_FIELDS.has(k) || LOG_FIELDS.has(k)) kept[k] = v;
        out.write(`${JSON.stringify(kept)}\n`);
      }
    },
  };
}

export function createLogger(level: string, destination: pino.DestinationStream = process.stdout): Logger {
  return pino({ level, base: { app: 'centinela' }, formatters: { log: allowListed } }, gate(destination));
}
