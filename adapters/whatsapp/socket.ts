/**
 * The seam between the adapter and Baileys' socket.
 *
 * `makeWASocket` opens a WebSocket to WhatsApp the moment it is called, so nothing in the adapter
 * or the CLI calls it directly: they ask a {@link SocketFactory}. Production uses
 * {@link baileysSocketFactory}; tests pass a factory that builds a fake socket on Baileys' own
 * event emitter (tests/fakes/whatsapp/fake-socket.ts). {@link WhatsAppSocket} is the part of the
 * socket we use, typed from Baileys itself, so a fake that compiles behaves like the real thing.
 */
import makeWASocket, {
  Browsers,
  fetchLatestBaileysVersion,
  isJidBroadcast,
  isJidNewsletter,
  makeCacheableSignalKeyStore,
} from '@whiskeysockets/baileys';
import type {
  AuthenticationCreds,
  AuthenticationState,
  SignalKeyStore,
  WAMessageKey,
  WASocket,
  WAVersion,
  proto,
} from '@whiskeysockets/baileys';
import type { BaileysLogger } from './logger.js';

/** The members of Baileys' socket the adapter and the CLI use. */
export type WhatsAppSocket = Pick<
  WASocket,
  'ev' | 'sendMessage' | 'end' | 'requestPairingCode' | 'groupFetchAllParticipating' | 'updateMediaMessage'
> & {
  /** The account (its PN and LID JIDs) once connected. */
  user: WASocket['user'];
  authState: { creds: AuthenticationCreds; keys: SignalKeyStore };
};

/** What a socket is built from. */
export interface SocketOptions {
  /** The session: creds and the key store (store/whatsapp-auth-store.ts). */
  auth: AuthenticationState;
  logger: BaileysLogger;
  /** The name the phone shows under Linked devices. */
  browserName: string;
  /** A message this account sent, for WhatsApp's resend requests (undefined when forgotten). */
  getMessage: (key: WAMessageKey) => Promise<proto.IMessage | undefined>;
}

/** Builds (and thereby connects) one socket. */
export type SocketFactory = (options: SocketOptions) => WhatsAppSocket | Promise<WhatsAppSocket>;

const VERSION_LOOKUP_MS = 5_000;
let latestVersion: Promise<WAVersion | undefined> | undefined;

/**
 * The WhatsApp Web version to announce: asked once per process (WhatsApp refuses stale versions
 * with 405), falling back to the one bundled with Baileys when the lookup fails.
 */
function webVersion(): Promise<WAVersion | undefined> {
  latestVersion ??= Promise.race([
    fetchLatestBaileysVersion().then((r) => (r.isLatest ? r.version : undefined)),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), VERSION_LOOKUP_MS).unref()),
  ]).catch(() => undefined);
  return latestVersion;
}

/**
 * The real socket: Baileys' `makeWASocket` over the stored session (keys behind Baileys' cache),
 * not shown as "online" (so the phone keeps getting notifications), no full history sync (the
 * bot needs only new messages), and no events for broadcasts and newsletters (they are not even
 * decrypted). Connects immediately: never call it in tests.
 */
export const baileysSocketFactory: SocketFactory = async (o) => {
  const version = await webVersion();
  return makeWASocket({
    auth: { creds: o.auth.creds, keys: makeCacheableSignalKeyStore(o.auth.keys, o.logger) },
    logger: o.logger,
    browser: Browsers.ubuntu(o.browserName),
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldIgnoreJid: (jid) => isJidBroadcast(jid) === true || isJidNewsletter(jid) === true,
    getMessage: o.getMessage,
    ...(version ? { version } : {}),
  });
};
