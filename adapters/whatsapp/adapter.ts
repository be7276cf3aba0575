/**
 * The WhatsApp adapter: Centinela as a linked device of the network's WhatsApp account, over
 * Baileys. It only translates (inbound.ts, outbound.ts, errors.ts) and moves messages; the runtime
 * records, dedupes (by `messageId` = `${chat}/${key.id}`) and answers.
 *
 * Connection (one socket per account, built by the injected {@link SocketFactory}):
 * - no linked session stored → no socket at all; health `needs_link` (run `centinela whatsapp link`);
 * - closed with 515 restart required (normal right after linking) → a new socket at once;
 * - 401 logged out (unlinked from the phone) → the session is wiped, health `needs_link`, no retry;
 * - 440 replaced (another instance took the session) → stop, health `replaced`; never fight it;
 * - 403 forbidden (account restricted) → stop, health `down`;
 * - anything else → reconnect with capped exponential backoff (errors.ts).
 *
 * Receiving: `messages.upsert` of both kinds, `notify` and `append` (what arrived while offline,
 * and our own sends, which are dropped), in order. Files are downloaded before the handler runs
 * (Baileys' media helper, at most `maxMediaBytes`). A failed handler is retried twice, then logged.
 *
 * Sending: through the {@link Pacer} (per chat and overall limits, a minimum gap, a pause after
 * WhatsApp's rate-overlimit). `send()` waits briefly for a connection being opened, and fails fast
 * with `unavailable` when there is none. With `allowedGroups`, only those groups are posted to.
 *
 * @example
 * const wa = new WhatsAppAdapter({ config, auth: new WhatsAppSessionStore(db, vault), logger });
 * await wa.start(async (m) => runtime.receive(m));
 * wa.health(); // { state: 'up', ... }
 */
import { WAMessageStubType } from '@whiskeysockets/baileys';
import type { WAMessage, proto } from '@whiskeysockets/baileys';
import type { InboundMessage, OutboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import type { AdapterPort, InboundHandler, SendResult } from '../../bot/port.js';
import type { WhatsAppSessionStore } from './session-port.js';
import type { WhatsAppConfig } from './config.js';
import { disconnectAction, isRateLimit, toAdapterError } from './errors.js';
import { DecryptFailures } from './decrypt-failures.js';
import { chatKindOf, messageRef } from './ids.js';
import { toInbound } from './inbound.js';
import { resolverFor } from './lid-lookup.js';
import { baileysLogger } from './logger.js';
import { silentLogger, type Logger } from '../../bot/logger.js';
import { BoundedMap } from '../shared/bounded-map.js';
import { handOff } from '../shared/hand-off.js';
import { baileysDownloader, downloadAttachment, type MediaDownloader } from './media.js';
import { planSend, quotedMessage, type SendStep } from './outbound.js';
import { Pacer } from './pacer.js';
import { baileysSocketFactory, type SocketFactory, type WhatsAppSocket } from './socket.js';

export type WhatsAppState = 'connecting' | 'up' | 'needs_link' | 'replaced' | 'down';

/** For /health: the state, why (a fixed phrase), since when, and what an admin should do. */
export interface WhatsAppHealth {
  state: WhatsAppState;
  reason?: string;
  since: number;
  action?: string;
  /**
   * Messages WhatsApp delivered that could not be decrypted (CIPHERTEXT stubs: "Bad MAC", "No
   * session record", the LID-migration problem), since start and in the last 15 minutes. The
   * tipster sees no answer to those messages.
   */
  decryptFailures: { total: number; recent: number };
  /** Reconnects in a row that have not yet led to a connection that stayed up. */
  reconnectAttempts: number;
}

export interface WhatsAppAdapterOptions {
  config: WhatsAppConfig;
  /**
   * Where the session is kept (session-port.ts; the sealed SQLite store in production), or a
   * function giving it at start() (the database is opened after the adapters are built).
   */
  auth: WhatsAppSessionStore | (() => WhatsAppSessionStore);
  logger?: Logger;
  /** Builds the socket; default Baileys' makeWASocket (connects at once: tests pass a fake). */
  socketFactory?: SocketFactory;
  /** Opens a media message's byte stream; default Baileys' downloadMediaMessage. */
  downloadMedia?: MediaDownloader;
  /** Group JIDs the bot may post to (the configured verifier and responder groups); default any. */
  allowedGroups?: readonly string[];
  /**
   * People the config names by phone number (enrolled verifiers), as normalized JIDs
   * (lid-lookup.ts `configuredUserJid`): their sender id is that number, not their LID.
   */
  pnSenders?: readonly string[];
  now?: () => number;
  /** 0..1, for reconnect jitter. */
  random?: () => number;
  /** The pacer's sleep (tests move a fake clock). */
  sleep?: (ms: number) => Promise<void>;
  /** How long send() waits for a connection being opened (default 10 s). */
  connectWaitMs?: number;
  /** Longest one file download may take (default 60 s). */
  downloadTimeoutMs?: number;
  /** Pass Baileys' own warnings (scrubbed) to the logger (default false: Baileys is silent). */
  baileysWarnings?: boolean;
}

const STOP_GRACE_MS = 10_000;
const SENT_CACHE = 500;
/** Consecutive 515s that still reconnect at once; more means something is wrong: back off. */
const MAX_QUICK_RESTARTS = 3;
const LINK_ACTION = 'run `centinela whatsapp link` to link the device again';
/** A connection that stays open this long ends a reconnect streak (and its backoff). */
const STABLE_CONNECTION_MS = 60_000;

export class WhatsAppAdapter implements AdapterPort {
  readonly platform = 'whatsapp' as const;
  private readonly config: WhatsAppConfig;
  private readonly authSource: WhatsAppSessionStore | (() => WhatsAppSessionStore);
  private authStore: WhatsAppSessionStore | undefined;
  private readonly pnSenders: ReadonlySet<string>;
  private readonly log: Logger;
  private readonly factory: SocketFactory;
  private readonly download: MediaDownloader;
  private readonly allowedGroups: ReadonlySet<string> | undefined;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly connectWaitMs: number;
  private readonly downloadTimeoutMs: number;
  private readonly baileysLog;
  private readonly pacer: Pacer;
  private running = false;
  private socket: WhatsAppSocket | undefined;
  /** Bumped for every socket (and when the session is wiped): events of older sockets are ignored. */
  private generation = 0;
  private attempts = 0;
  /** When the current connection opened; undefined while there is none. */
  private openedAt: number | undefined;
  private readonly decryptFailures = new DecryptFailures();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private status: Omit<WhatsAppHealth, 'decryptFailures' | 'reconnectAttempts'>;
  private onMessage: InboundHandler | undefined;
  private inbound: Promise<void> = Promise.resolve();
  private openWaiters = new Set<() => void>();
  /** Key id → content of messages this process sent: quoted in replies, resent on request. */
  private readonly sentCache = new BoundedMap<string, proto.IMessage>(SENT_CACHE);

  constructor(o: WhatsAppAdapterOptions) {
    this.config = o.config;
    this.authSource = o.auth;
    this.pnSenders = new Set(o.pnSenders ?? []);
    this.log = o.logger ?? silentLogger;
    this.factory = o.socketFactory ?? baileysSocketFactory;
    this.download = o.downloadMedia ?? baileysDownloader;
    this.allowedGroups = o.allowedGroups ? new Set(o.allowedGroups) : undefined;
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.connectWaitMs = o.connectWaitMs ?? 10_000;
    this.downloadTimeoutMs = o.downloadTimeoutMs ?? 60_000;
    this.baileysLog = baileysLogger(o.baileysWarnings ? this.log : undefined);
    this.pacer = new Pacer({ ...o.config.pacing, now: this.now, ...(o.sleep ? { sleep: o.sleep } : {}) });
    this.status = { state: 'down', reason: 'not started', since: this.now() };
  }

  async start(onMessage: InboundHandler): Promise<void> {
    if (this.running) throw new Error('whatsapp adapter already started');
    this.authStore ??= typeof this.authSource === 'function' ? this.authSource() : this.authSource;
    this.running = true;
    this.onMessage = onMessage;
    this.attempts = 0;
    this.pacer.reopen();
    if (!this.auth.linked()) {
      this.setState('needs_link', 'no linked device');
      this.log.warn({}, `whatsapp is not linked yet; ${LINK_ACTION}`);
      return;
    }
    await this.connect();
    this.log.info({}, 'whatsapp adapter started');
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (!this.running) throw new AdapterError('not_started', 'whatsapp adapter is not started');
    const jid = message.chat.id;
    const kind = chatKindOf(jid);
    if (!kind || (kind === 'group') !== (message.chat.kind === 'group'))
      throw new AdapterError('rejected', 'whatsapp chat id is not a person or group JID');
    if (kind === 'group' && this.allowedGroups && !this.allowedGroups.has(jid))
      throw new AdapterError('rejected', 'whatsapp group is not in the config');
    await this.connected();
    const plan = planSend(
      message,
      quotedMessage(message.replyTo, jid, (id) => this.sentCache.get(id)),
    );
    let primary: string | undefined;
    for (const [i, step] of plan.steps.entries()) {
      const id = await this.pacer.run(jid, () => this.sendStep(jid, step));
      if (i === plan.primary) primary = id;
    }
    return primary !== undefined ? { messageId: messageRef(jid, primary) } : {};
  }

  /** Disconnects; nothing is handed on after this resolves, and waiting sends fail with not_started. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.generation += 1;
    clearTimeout(this.reconnectTimer);
    this.pacer.close(new AdapterError('not_started', 'whatsapp adapter stopped'));
    this.wakeOpenWaiters();
    const socket = this.socket;
    this.socket = undefined;
    await socket?.end(undefined).catch(() => undefined);
    await Promise.race([this.inbound, new Promise((r) => setTimeout(r, STOP_GRACE_MS).unref())]);
    this.setState('down', 'stopped');
    this.log.info({}, 'whatsapp adapter stopped');
  }

  health(): WhatsAppHealth {
    return {
      ...this.status,
      decryptFailures: this.decryptFailures.counts(this.now()),
      reconnectAttempts: this.attempts,
    };
  }

  private get auth(): WhatsAppSessionStore {
    if (!this.authStore) throw new Error('whatsapp adapter has no session store before start()');
    return this.authStore;
  }

  // ---- connection ------------------------------------------------------------------------------

  private async connect(): Promise<void> {
    if (!this.running) return;
    clearTimeout(this.reconnectTimer);
    const gen = ++this.generation;
    const old = this.socket;
    this.socket = undefined;
    if (old) await old.end(undefined).catch(() => undefined);
    this.setState('connecting');
    let socket: WhatsAppSocket;
    try {
      socket = await this.factory({
        auth: this.auth.state(),
        logger: this.baileysLog,
        browserName: this.config.browserName,
        getMessage: async (key) => (key.id ? this.sentCache.get(key.id) : undefined),
      });
    } catch (err) {
      if (gen !== this.generation || !this.running) return;
      this.log.warn({ err: err instanceof Error ? err.name : 'unknown' }, 'whatsapp socket could not be created');
      this.scheduleReconnect(new Error('socket creation failed'));
      return;
    }
    if (gen !== this.generation || !this.running) {
      await socket.end(undefined).catch(() => undefined);
      return;
    }
    this.socket = socket;
    const current = (): boolean => gen === this.generation && this.running;
    socket.ev.on('creds.update', (update) => {
      if (gen !== this.generation) return;
      Object.assign(socket.authState.creds, update);
      this.auth.saveCreds(socket.authState.creds);
    });
    socket.ev.on('connection.update', (u) => {
      if (!current()) return;
      if (u.qr !== undefined && u.qr !== null) {
        // The stored session is not (or no longer) linked: linking is the CLI's job, not the server's.
        this.generation += 1;
        this.socket = undefined;
        void socket.end(undefined).catch(() => undefined);
        this.setState('needs_link', 'session not linked');
        this.log.error({}, `whatsapp asked for a new QR scan; ${LINK_ACTION}`);
        this.wakeOpenWaiters();
        return;
      }
      if (u.connection === 'open') {
        // The reconnect streak ends only once this connection stays up (see onClose): a link
        // that opens and drops at once must not reconnect without backoff forever.
        this.openedAt = this.now();
        this.setState('up');
        this.log.info({}, 'whatsapp connected');
        this.wakeOpenWaiters();
      } else if (u.connection === 'close') {
        this.onClose(u.lastDisconnect?.error);
      }
    });
    socket.ev.on('messages.upsert', ({ messages, type }) => {
      if (!current() || (type !== 'notify' && type !== 'append')) return;
      this.inbound = this.inbound
        .then(() => this.receive(messages, socket, gen))
        .catch((err: unknown) => {
          this.log.error({ err: err instanceof Error ? err.name : 'unknown' }, 'whatsapp messages could not be handled');
        });
    });
  }

  private onClose(error: Error | undefined): void {
    this.socket = undefined;
    if (this.openedAt !== undefined && this.now() - this.openedAt >= STABLE_CONNECTION_MS) this.attempts = 0;
    this.openedAt = undefined;
    const action = disconnectAction(error, this.attempts + 1, this.random);
    switch (action.kind) {
      case 'restart':
        this.attempts += 1;
        this.log.info({ code: 515 }, 'whatsapp asked for a restart; reconnecting');
        if (this.attempts <= MAX_QUICK_RESTARTS) void this.connect();
        else this.scheduleReconnect(error);
        return;
      case 'logged_out':
        this.generation += 1;
        this.auth.clear();
        this.setState('needs_link', 'logged out');
        this.log.error({ code: 401 }, `whatsapp logged this device out (unlinked on the phone); the session was wiped; ${LINK_ACTION}`);
        break;
      case 'replaced':
        this.setState('replaced', 'another connection took over the session');
        this.log.error(
          { code: 440 },
          'whatsapp session was taken over by another connection (a second Centinela running?); not reconnecting: stop the other one and restart',
        );
        break;
      case 'forbidden':
        this.setState('down', 'account restricted by whatsapp');
        this.log.error({ code: 403 }, 'whatsapp refused the account (restricted or banned); not reconnecting; check the phone');
        break;
      case 'reconnect':
        this.scheduleReconnect(error);
        return;
    }
    this.wakeOpenWaiters();
  }

  private scheduleReconnect(error: Error | undefined): void {
    this.attempts += 1;
    const action = disconnectAction(error, this.attempts, this.random);
    const delayMs = action.kind === 'reconnect' ? action.delayMs : 1_000;
    const code = (error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;
    this.setState('down', 'reconnecting');
    this.log.warn(
      { code: code ?? 'network', attempt: this.attempts, delayMs },
      code === 405 ? 'whatsapp refused this client version; update Baileys; retrying' : 'whatsapp connection closed; reconnecting',
    );
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), delayMs);
    this.wakeOpenWaiters();
  }

  private setState(state: WhatsAppState, reason?: string): void {
    this.status = {
      state,
      since: this.now(),
      ...(reason !== undefined ? { reason } : {}),
      ...(state === 'needs_link' ? { action: LINK_ACTION } : {}),
    };
  }

  /** The open socket; waits up to connectWaitMs while one is being opened. */
  private async connected(): Promise<WhatsAppSocket> {
    const deadline = this.now() + this.connectWaitMs;
    while (this.running && this.status.state === 'connecting' && this.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(1, deadline - this.now()));
        function done(): void {
          clearTimeout(timer);
          resolve();
        }
        this.openWaiters.add(done);
      });
    }
    if (!this.running) throw new AdapterError('not_started', 'whatsapp adapter is not started');
    if (this.status.state === 'up' && this.socket) return this.socket;
    const why =
      this.status.state === 'needs_link'
        ? 'needs a new link'
        : this.status.state === 'replaced'
          ? 'session taken over by another connection'
          : 'not connected';
    throw new AdapterError('unavailable', `whatsapp ${why}`);
  }

  private wakeOpenWaiters(): void {
    const waiters = [...this.openWaiters];
    this.openWaiters.clear();
    for (const w of waiters) w();
  }

  // ---- sending ---------------------------------------------------------------------------------

  /** One paced call; returns the sent message's key id. */
  private async sendStep(jid: string, step: SendStep): Promise<string | undefined> {
    const socket = this.status.state === 'up' ? this.socket : undefined;
    if (!this.running) throw new AdapterError('not_started', 'whatsapp adapter is not started');
    if (!socket) throw new AdapterError('unavailable', 'whatsapp not connected');
    try {
      const sent = await socket.sendMessage(jid, step.content, step.quoted ? { quoted: step.quoted } : undefined);
      const id = sent?.key.id ?? undefined;
      if (id && sent?.message) this.sentCache.set(id, sent.message);
      return id;
    } catch (err) {
      if (isRateLimit(err)) {
        this.pacer.pause(this.now() + this.config.pacing.pauseOnLimitMs);
        this.log.warn({ pauseMs: this.config.pacing.pauseOnLimitMs }, 'whatsapp says we send too much (rate-overlimit); pausing all sends');
      }
      throw toAdapterError(err, 'sendMessage', this.config.pacing.pauseOnLimitMs);
    }
  }

  // ---- receiving -------------------------------------------------------------------------------

  private accepting(gen: number): boolean {
    return this.running && gen === this.generation;
  }

  private async receive(messages: WAMessage[], socket: WhatsAppSocket, gen: number): Promise<void> {
    for (const m of messages) {
      if (!this.accepting(gen) || !this.onMessage) return;
      if (m.messageStubType === WAMessageStubType.CIPHERTEXT) this.decryptFailures.note(this.now());
      const me = socket.user ?? socket.authState.creds.me;
      const resolve = await resolverFor(m, socket.authState.keys, this.pnSenders);
      const msg = toInbound(m, { me: { id: me?.id, lid: me?.lid }, now: this.now(), resolve });
      if (!msg) continue;
      for (const attachment of msg.attachments) {
        const outcome = await downloadAttachment(m, attachment, socket, {
          maxBytes: this.config.maxMediaBytes,
          timeoutMs: this.downloadTimeoutMs,
          download: this.download,
        });
        if (outcome !== 'ok')
          this.log.warn({ outcome, kind: attachment.kind }, 'whatsapp file not downloaded; passing the message on without it');
      }
      await this.deliver(msg, this.onMessage, gen);
    }
  }

  private async deliver(msg: InboundMessage, onMessage: InboundHandler, gen: number): Promise<void> {
    await handOff(msg, onMessage, { log: this.log, accepting: () => this.accepting(gen) });
  }
}
