/**
 * A fake WhatsApp for tests: a {@link SocketFactory} whose sockets are built on Baileys' own event
 * emitter (`makeEventBuffer`, the one the real socket uses, with `buffer()`/`flush()` for the
 * offline backlog) and record what the bot sends. Nothing touches the network.
 *
 * Like the real socket, a new socket with a linked session opens on its own (next tick); one
 * without shows a QR (`connection.update { qr }`); `end()` reports a close; and the bot's own sends
 * come back as `messages.upsert` of type `append` with `fromMe` (Baileys' `emitOwnEvents`).
 *
 * @example
 * const wa = new FakeWhatsApp();
 * const adapter = new WhatsAppAdapter({ config, auth, socketFactory: wa.factory, downloadMedia: wa.download });
 * await adapter.start(handler);
 * wa.current.deliver([waMessage(dmFrom(), text('hola'))]);
 * wa.sentTexts(TIPSTER.lid) // → what the bot answered
 */
import { Readable } from 'node:stream';
import { makeEventBuffer } from '@whiskeysockets/baileys';
import type {
  AnyMessageContent,
  Contact,
  GroupMetadata,
  MessageUpsertType,
  MiscMessageGenerationOptions,
  WAMessage,
  proto,
} from '@whiskeysockets/baileys';
import { baileysLogger } from '../../../adapters/whatsapp/logger.js';
import type { MediaDownloader } from '../../../adapters/whatsapp/media.js';
import type { SocketFactory, SocketOptions, WhatsAppSocket } from '../../../adapters/whatsapp/socket.js';
import { isLinked } from '../../../store/whatsapp-auth-store.js';
import { boom } from './boom.js';
import { BOT, keyId } from './messages.js';

/** One sendMessage call the bot made. */
export interface SentCall {
  jid: string;
  content: AnyMessageContent;
  options: MiscMessageGenerationOptions | undefined;
  /** What the call returned (its key is the sent message's id). */
  result: WAMessage;
  at: number;
}

export class FakeSocket implements WhatsAppSocket {
  readonly ev = makeEventBuffer(baileysLogger());
  user: Contact | undefined;
  readonly authState: WhatsAppSocket['authState'];
  ended = false;
  readonly pairingRequests: string[] = [];

  constructor(
    private readonly world: FakeWhatsApp,
    readonly options: SocketOptions,
  ) {
    this.authState = { creds: options.auth.creds, keys: options.auth.keys };
  }

  sendMessage = async (jid: string, content: AnyMessageContent, options?: MiscMessageGenerationOptions): Promise<WAMessage | undefined> => {
    if (this.ended) throw boom('Connection Closed', 428);
    const failure = this.world.nextSendFailure();
    if (failure !== undefined) throw failure;
    const result: WAMessage = {
      key: { remoteJid: jid, fromMe: true, id: keyId('3EB0') },
      message: toProto(content),
      messageTimestamp: Math.floor(this.world.now() / 1000),
      status: 1,
    };
    this.world.record({ jid, content, options, result, at: this.world.now() });
    // emitOwnEvents: our own message comes back as an append.
    if (this.world.echoOwnSends) this.ev.emit('messages.upsert', { messages: [structuredClone(result)], type: 'append' });
    return result;
  };

  end = async (error: Error | undefined): Promise<void> => {
    if (this.ended) return;
    this.ended = true;
    this.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date(this.world.now()) } });
  };

  requestPairingCode = async (phoneNumber: string): Promise<string> => {
    this.pairingRequests.push(phoneNumber);
    this.authState.creds.pairingCode = 'FAKE1234';
    return 'FAKE1234';
  };

  groupFetchAllParticipating = async (): Promise<{ [jid: string]: GroupMetadata }> => {
    if (this.ended) throw boom('Connection Closed', 428);
    return Object.fromEntries(this.world.groups.map((g) => [g.id, g]));
  };

  updateMediaMessage = async (message: WAMessage): Promise<WAMessage> => message;

  // ---- what the platform does ------------------------------------------------------------------

  /** The connection opens: the account is known. */
  open(): void {
    this.user = { id: BOT.pnDevice, lid: BOT.lidDevice, name: 'Centinela' };
    this.ev.emit('connection.update', { connection: 'open', isOnline: true });
  }

  /** The connection closes with `error` (a Boom from ./boom.ts). */
  close(error: Error | undefined): void {
    this.ended = true;
    this.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error, date: new Date(this.world.now()) } });
  }

  /** A QR to scan (no linked session). */
  showQr(data = '2@FAKEQRREF,NOISEKEY,IDENTITYKEY,ADVSECRET'): void {
    this.ev.emit('connection.update', { qr: data });
  }

  /** The phone scanned the QR / entered the code: creds are filled in, then WhatsApp asks for a restart (515). */
  completePairing(): void {
    const update = {
      me: { id: BOT.pnDevice, lid: BOT.lidDevice, name: 'Centinela' },
      account: {
        details: Buffer.from([1]),
        accountSignatureKey: Buffer.from([2]),
        accountSignature: Buffer.from([3]),
        deviceSignature: Buffer.from([4]),
      },
      platform: 'smba',
      registered: true,
    };
    this.ev.emit('creds.update', update);
    // Baileys sends `qr: undefined` as well, which its own type does not allow; the adapter reads both alike.
    this.ev.emit('connection.update', { isNewLogin: true });
    this.close(boom('Stream Errored (restart required)', 515));
  }

  /** New messages (`notify`), or others (`append`). */
  deliver(messages: WAMessage[], type: MessageUpsertType = 'notify'): void {
    this.ev.emit('messages.upsert', { messages, type });
  }

  /** What arrived while offline: buffered and flushed at once, as `append`, like Baileys does. */
  backlog(messages: WAMessage[]): void {
    this.ev.buffer();
    for (const m of messages) this.ev.emit('messages.upsert', { messages: [m], type: 'append' });
    this.ev.emit('connection.update', { receivedPendingNotifications: true });
    this.ev.flush();
  }
}

export interface FakeWhatsAppOptions {
  /** Open a linked socket (or show a QR) on the next tick after it is built (default true). */
  autoOpen?: boolean;
  /** Echo own sends as `append` upserts (default true, like Baileys). */
  echoOwnSends?: boolean;
  now?: () => number;
}

/** The fake platform: builds sockets, keeps every send, serves files and groups. */
export class FakeWhatsApp {
  readonly sockets: FakeSocket[] = [];
  readonly calls: SentCall[] = [];
  groups: GroupMetadata[] = [];
  /** Bytes served for downloads, by message key id. */
  readonly files = new Map<string, Uint8Array>();
  readonly downloads: string[] = [];
  readonly echoOwnSends: boolean;
  readonly now: () => number;
  private readonly autoOpen: boolean;
  private readonly failures: unknown[] = [];
  private listeners: ((s: FakeSocket) => void)[] = [];

  constructor(o: FakeWhatsAppOptions = {}) {
    this.autoOpen = o.autoOpen ?? true;
    this.echoOwnSends = o.echoOwnSends ?? true;
    this.now = o.now ?? Date.now;
  }

  /** The factory the adapter and the CLI get instead of makeWASocket. */
  readonly factory: SocketFactory = (options) => {
    const socket = new FakeSocket(this, options);
    this.sockets.push(socket);
    for (const l of this.listeners) l(socket);
    if (this.autoOpen) {
      setImmediate(() => {
        if (socket.ended) return;
        if (isLinked(socket.authState.creds)) socket.open();
        else socket.showQr();
      });
    }
    return socket;
  };

  /** The media downloader the adapter gets: serves {@link files} by message id. */
  readonly download: MediaDownloader = async (message) => {
    const id = message.key.id ?? '';
    this.downloads.push(id);
    const bytes = this.files.get(id);
    if (!bytes) throw boom('Not Found', 404);
    const chunks = [];
    for (let i = 0; i < bytes.byteLength; i += 4096) chunks.push(Buffer.from(bytes.subarray(i, i + 4096)));
    return Readable.from(chunks);
  };

  /** The newest socket. */
  get current(): FakeSocket {
    const s = this.sockets.at(-1);
    if (!s) throw new Error('no socket was created');
    return s;
  }

  /** Calls `f` for each socket built from now on. */
  onSocket(f: (s: FakeSocket) => void): void {
    this.listeners.push(f);
  }

  /** Makes the next send fail with `error`. */
  failNextSend(error: unknown): void {
    this.failures.push(error);
  }

  nextSendFailure(): unknown {
    return this.failures.shift();
  }

  record(call: SentCall): void {
    this.calls.push(call);
  }

  /** The sends to `jid`. */
  sentTo(jid: string): SentCall[] {
    return this.calls.filter((c) => c.jid === jid);
  }

  /** The texts (messages and captions) sent to `jid`. */
  sentTexts(jid: string): string[] {
    return this.sentTo(jid).flatMap((c) => {
      const t = textOfContent(c.content);
      return t !== undefined ? [t] : [];
    });
  }
}

/** The text or caption of what was sent. */
export function textOfContent(content: AnyMessageContent): string | undefined {
  const c = content as { text?: unknown; caption?: unknown };
  if (typeof c.text === 'string') return c.text;
  if (typeof c.caption === 'string') return c.caption;
  return undefined;
}

/** Roughly what Baileys would put in the sent message's `message`. */
function toProto(content: AnyMessageContent): proto.IMessage {
  const c = content as {
    text?: string;
    caption?: string;
    image?: unknown;
    video?: unknown;
    document?: unknown;
    mimetype?: string;
    fileName?: string;
  };
  if (typeof c.text === 'string') return { extendedTextMessage: { text: c.text } };
  if (c.image !== undefined) return { imageMessage: { caption: c.caption ?? null, mimetype: c.mimetype ?? 'image/jpeg' } };
  if (c.video !== undefined) return { videoMessage: { caption: c.caption ?? null, mimetype: c.mimetype ?? 'video/mp4' } };
  if (c.document !== undefined)
    return { documentMessage: { caption: c.caption ?? null, mimetype: c.mimetype ?? null, fileName: c.fileName ?? null } };
  return { conversation: '' };
}
