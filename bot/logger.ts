/**
 * The one logger shape every part of Centinela writes to: pino's Logger fits it, and tests pass
 * recording ones. Fields are ids of our own, codes, counts and states only (app/logger.ts drops
 * anything else), never message text, phone numbers or platform ids.
 */
export interface Logger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}

const noop = (): void => undefined;

/** A logger that drops everything (the default when none is given). */
export const silentLogger: Logger = { debug: noop, info: noop, warn: noop, error: noop };
