/**
 * Errors shaped like the `@hapi/boom` errors Baileys throws (we read them structurally and do not
 * depend on @hapi/boom ourselves).
 */
import { DisconnectReason } from '@whiskeysockets/baileys';

export interface BoomLike extends Error {
  isBoom: true;
  output: { statusCode: number; payload: { statusCode: number; error: string; message: string } };
  data?: unknown;
}

/** `new Boom(message, { statusCode, data })`. */
export function boom(message: string, statusCode = 500, data?: unknown): BoomLike {
  const err = new Error(message) as BoomLike;
  err.isBoom = true;
  err.output = { statusCode, payload: { statusCode, error: 'Error', message } };
  if (data !== undefined) err.data = data;
  return err;
}

/** What Baileys closes the connection with, per reason. */
export const disconnects = {
  restartRequired: () => boom('Stream Errored (restart required)', DisconnectReason.restartRequired),
  loggedOut: () => boom('Connection Failure', DisconnectReason.loggedOut),
  connectionReplaced: () => boom('Stream Errored (conflict)', DisconnectReason.connectionReplaced),
  connectionClosed: () => boom('Connection Closed', DisconnectReason.connectionClosed),
  connectionLost: () => boom('Connection Lost', DisconnectReason.connectionLost),
  badSession: () => boom('Bad MAC', DisconnectReason.badSession),
  unavailableService: () => boom('Service Unavailable', DisconnectReason.unavailableService),
  staleVersion: () => boom('Connection Failure', 405),
  forbidden: () => boom('Connection Failure', DisconnectReason.forbidden),
};

/** What sendMessage throws when WhatsApp says we send too much. */
export const rateOverlimit = (): BoomLike => boom('rate-overlimit', 500, 429);
