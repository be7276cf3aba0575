/**
 * The simulator "platform": a local stand-in for Signal/WhatsApp/Telegram that people (through
 * the web page) and tests talk to. It plays the remote side: it keeps every chat's history,
 * inbound and outbound, in its own small SQLite file, the way a real platform keeps messages on
 * its servers, so the conversation is still there after the bot restarts.
 *
 * It is not the bot's store: the runtime records and dedupes messages itself. The simulator
 * therefore passes a redelivered message id to the handler again (so tests can prove the
 * runtime ignores it) while recording it in history only once.
 *
 * @example
 * const sim = new SimulatorAdapter({ groupChats: ['verifiers'] });
 * await sim.start(async (m) => runtime.handle(m));
 * await sim.receive({ sender: 'tipster-1234', text: 'hola' });
 * sim.history('tipster-1234'); // what the bot answered, in order
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { choicesAsText } from '../../bot/messages.js';
import type { Attachment, Choice, GeoPoint, InboundMessage, OutboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import type { AdapterPort, InboundHandler, SendResult } from '../../bot/port.js';
import { MAX_ID_CHARS, parseSimInbound } from './input.js';
import type { SimInbound } from './input.js';

export type { SimInbound } from './input.js';

/** One message in the simulated platform's history, as the page and tests see it. */
export interface SimMessage {
  /** The platform message id (the id the bot saw, or the id `send()` returned). */
  id: string;
  chat: string;
  from: 'bot' | 'user';
  /** The user's id; absent on the bot's messages. */
  sender?: string;
  /** For the bot's messages: the text, then a blank line and the numbered choices, if any. */
  text: string;
  /** The bot's choices, for rendering as buttons. */
  choices?: Choice[];
  replyTo?: string;
  /** What was attached (the bytes are not kept). */
  attachments?: { kind: string; mime: string; name?: string }[];
  location?: GeoPoint;
  /** When the platform recorded it, ms since epoch. */
  at: number;
}

export interface SimulatorAdapterOptions {
  /** Chat ids that are group chats (verifier and responder groups); every other chat is direct. */
  groupChats: string[];
  /** better-sqlite3 file holding the simulated platform's history; default `':memory:'`. */
  historyPath?: string;
  now?: () => number;
  newId?: () => string;
}

/** Thrown by {@link SimulatorAdapter.receive} for input a real platform could never deliver. */
export class SimulatorInputError extends Error {
  readonly code = 'invalid_input';
  constructor(message: string) {
    super(message);
    this.name = 'SimulatorInputError';
  }
}

interface Row {
  id: string;
  chat: string;
  from_who: 'bot' | 'user';
  sender: string | null;
  text: string;
  choices: string | null;
  reply_to: string | null;
  attachments: string | null;
  lat: number | null;
  lng: number | null;
  at: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sim_message (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT    NOT NULL,
  chat        TEXT    NOT NULL,
  from_who    TEXT    NOT NULL CHECK (from_who IN ('bot', 'user')),
  sender      TEXT,
  text        TEXT    NOT NULL,
  choices     TEXT,
  reply_to    TEXT,
  attachments TEXT,
  lat         REAL,
  lng         REAL,
  at          INTEGER NOT NULL,
  UNIQUE (chat, id)
);
`;

type State = 'idle' | 'started' | 'stopped';

export class SimulatorAdapter implements AdapterPort {
  readonly platform = 'simulator' as const;

  private readonly db: SqliteDatabase;
  private readonly groups: ReadonlySet<string>;
  private readonly now: () => number;
  private readonly newId: () => string;
  private state: State = 'idle';
  private handler: InboundHandler | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly injectedFailures: AdapterError[] = [];

  private readonly insert;
  private readonly selectChat;
  private readonly selectChatAll;
  private readonly selectChats;

  constructor(opts: SimulatorAdapterOptions) {
    this.groups = new Set(opts.groupChats);
    this.now = opts.now ?? Date.now;
    this.newId = opts.newId ?? randomUUID;
    const path = opts.historyPath ?? ':memory:';
    this.db = new Database(path);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare<
      [
        string,
        string,
        'bot' | 'user',
        string | null,
        string,
        string | null,
        string | null,
        string | null,
        number | null,
        number | null,
        number,
      ]
    >(
      `INSERT OR IGNORE INTO sim_message (id, chat, from_who, sender, text, choices, reply_to, attachments, lat, lng, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectChat = this.db.prepare<[string], Row>(`SELECT * FROM sim_message WHERE chat = ? AND from_who = 'bot' ORDER BY seq`);
    this.selectChatAll = this.db.prepare<[string], Row>(`SELECT * FROM sim_message WHERE chat = ? ORDER BY seq`);
    this.selectChats = this.db.prepare<[], { chat: string }>(`SELECT chat FROM sim_message GROUP BY chat ORDER BY MIN(seq)`);
  }

  /** Begins delivering inbound messages to `onMessage`. May be called again after {@link stop}. */
  async start(onMessage: InboundHandler): Promise<void> {
    if (this.state === 'started') throw new Error('simulator adapter already started');
    this.handler = onMessage;
    this.state = 'started';
  }

  /** Stops delivery; resolves once every handler call already under way has settled. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    this.handler = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Closes the history file. The adapter is unusable afterwards. */
  close(): void {
    this.state = 'stopped';
    this.handler = undefined;
    if (this.db.open) this.db.close();
  }

  /**
   * A user sends a message on the simulated platform. Resolves once the handler (the bot) has
   * durably recorded it; rejects with {@link SimulatorInputError} for invalid input,
   * {@link AdapterError} `not_started` when the bot is not connected, or whatever the handler threw.
   * A repeated `id` in the same chat is a redelivery: `duplicate: true`, handed to the bot again,
   * kept in history once. The input is validated at run time too (it may come straight from JSON).
   */
  async receive(input: SimInbound): Promise<{ id: string; duplicate: boolean }> {
    const parsed = parseSimInbound(input);
    if (!parsed.ok) throw new SimulatorInputError(parsed.error);
    const handler = this.handler;
    if (this.state !== 'started' || !handler) throw new AdapterError('not_started', 'simulator adapter is not started');

    const m: SimInbound = parsed.value;
    const chatId = m.chat ?? m.sender;
    const messageId = m.id ?? this.newId();
    const at = this.now();
    const attachments: Attachment[] = (m.attachments ?? []).map((a) => {
      const att: Attachment = { kind: a.kind, mime: a.mime };
      if (a.name !== undefined) att.name = a.name;
      if (a.dataBase64 !== undefined) {
        att.data = Uint8Array.from(Buffer.from(a.dataBase64, 'base64'));
        att.size = att.data.byteLength;
      }
      return att;
    });

    const text = m.text !== undefined && m.text !== '' ? m.text : undefined;
    const inserted = this.insert.run(
      messageId,
      chatId,
      'user',
      m.sender,
      text ?? '',
      null,
      m.replyTo ?? null,
      attachments.length > 0 ? JSON.stringify(attachments.map(({ kind, mime, name }) => ({ kind, mime, name }))) : null,
      m.location?.lat ?? null,
      m.location?.lng ?? null,
      at,
    );
    const duplicate = inserted.changes === 0;

    const message: InboundMessage = {
      platform: 'simulator',
      chat: { id: chatId, kind: this.groups.has(chatId) ? 'group' : 'direct' },
      sender: m.sender,
      messageId,
      timestamp: at,
      attachments,
    };
    if (text !== undefined) message.text = text;
    if (m.location) message.location = { lat: m.location.lat, lng: m.location.lng };
    if (m.replyTo !== undefined) message.replyTo = m.replyTo;

    const delivery = handler(message);
    this.inFlight.add(delivery);
    try {
      await delivery;
    } finally {
      this.inFlight.delete(delivery);
    }
    return { id: messageId, duplicate };
  }

  /** The bot sends a message: it is appended to the chat's history. */
  async send(message: OutboundMessage): Promise<SendResult> {
    if (this.state !== 'started') throw new AdapterError('not_started', 'simulator adapter is not started');
    const chatId = message.chat.id;
    if (typeof chatId !== 'string' || chatId.trim() === '' || chatId.length > MAX_ID_CHARS) {
      throw new AdapterError('rejected', 'invalid chat id');
    }
    const attachments = message.attachments ?? [];
    if (message.text.trim() === '' && attachments.length === 0) throw new AdapterError('rejected', 'empty message');
    const injected = this.injectedFailures.shift();
    if (injected) throw injected;

    const choices = message.choices && message.choices.length > 0 ? message.choices : undefined;
    const text = choices ? [message.text, choicesAsText(choices)].filter((s) => s !== '').join('\n\n') : message.text;
    // Idempotent sends: a repeat of one outbox row (after a crash between sending and recording)
    // gets the same id, which the history's UNIQUE (chat, id) keeps once.
    const id = message.idempotencyKey !== undefined ? `sent-${message.idempotencyKey}` : this.newId();
    this.insert.run(
      id,
      chatId,
      'bot',
      null,
      text,
      choices ? JSON.stringify(choices.map(({ value, label }) => ({ value, label }))) : null,
      message.replyTo ?? null,
      attachments.length > 0 ? JSON.stringify(attachments.map(({ kind, mime, name }) => ({ kind, mime, name }))) : null,
      null,
      null,
      this.now(),
    );
    return { messageId: id };
  }

  /** Makes the next `n` sends fail with `error` (after the started/validity checks), for fault-injection tests. */
  failNextSends(n: number, error: AdapterError): void {
    for (let i = 0; i < n; i++) this.injectedFailures.push(error);
  }

  /** A chat's history in order: by default only what the bot sent there; `include: 'all'` adds the users' messages. */
  history(chat: string, opts: { include?: 'bot' | 'all' } = {}): SimMessage[] {
    const rows = opts.include === 'all' ? this.selectChatAll.all(chat) : this.selectChat.all(chat);
    return rows.map(toSimMessage);
  }

  /** Every chat with at least one message, in order of first message. */
  chats(): string[] {
    return this.selectChats.all().map((r) => r.chat);
  }
}

function toSimMessage(r: Row): SimMessage {
  const m: SimMessage = { id: r.id, chat: r.chat, from: r.from_who, text: r.text, at: r.at };
  if (r.sender !== null) m.sender = r.sender;
  if (r.choices !== null) m.choices = JSON.parse(r.choices) as Choice[];
  if (r.reply_to !== null) m.replyTo = r.reply_to;
  if (r.attachments !== null) m.attachments = JSON.parse(r.attachments) as NonNullable<SimMessage['attachments']>;
  if (r.lat !== null && r.lng !== null) m.location = { lat: r.lat, lng: r.lng };
  return m;
}
