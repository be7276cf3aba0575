/** What the runtime, dispatcher and sweeper log with: the project's one logger shape (bot/logger.ts), without `error`. */
import type { Logger } from '../logger.js';

export type RuntimeLogger = Pick<Logger, 'info' | 'warn' | 'debug'>;
