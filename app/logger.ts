/**
 * Structured logs with pino. Callers log ids, counts and codes only; redaction is a second line
 * of defence for fields that must never appear (message text, numbers, tokens).
 */
import pino, { type Logger } from 'pino';

export const REDACTED_PATHS = [
  'text', '*.text', 'sender', '*.sender', 'phone', '*.phone', 'number', '*.number', 'token', '*.token',
  'address', '*.address', 'location', '*.location', 'name', '*.name', 'err.message', 'err.stack',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { app: 'centinela' }, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    destination,
  );
}
