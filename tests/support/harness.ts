/**
 * Runs whole conversations against the real composition (engine, runtime, SQLite store, outbox)
 * with a fake clock and a recording adapter, and prints them as reviewable transcripts.
 */
import type { Config } from '../../bot/config/index.js';
import { DEMO_CONFIG } from '../../bot/config/index.js';
import type { PlaceFinder } from '../../bot/geo/gazetteer/types.js';
import type { Renderer } from '../../bot/i18n/render.js';
import type { Attachment, GeoPoint, InboundMessage } from '../../bot/messages.js';
import { composeCentinela, type Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { RecordingAdapter, type SentMessage } from './recording-adapter.js';
import { verbatimRun } from './verbatim.js';

export const TEST_SECRET = Buffer.from('test-secret-test-secret-test-secret-0123456789');
/** Saturday 21 November 2026, 09:00 in Los Angeles. */
export const T0 = Date.UTC(2026, 10, 21, 17, 0, 0);

export interface HarnessOptions {
  config?: Config;
  dbPath?: string;
  start?: number;
  /** An offline map for place lookups (see tests/gazetteer). */
  places?: PlaceFinder;
}

export class Harness {
  readonly adapter = new RecordingAdapter('simulator');
  readonly bot: Centinela;
  now: number;
  private ids = 0;
  private printed = 0;
  private reportsSeen = 0;
  readonly lines: string[] = [];
  /** What tipsters typed in direct chats, and the responder groups: no alert may quote the former. */
  private readonly typed: string[] = [];
  private readonly responderChats: Set<string>;
  /** Messages to responder groups checked for tipster words (every transcript suite checks them). */
  alertsScanned = 0;

  constructor(opts: HarnessOptions = {}) {
    this.now = opts.start ?? T0;
    const config = structuredClone(opts.config ?? DEMO_CONFIG) as Config;
    this.responderChats = new Set(config.chats.responders.map((c) => c.id));
    this.bot = composeCentinela({
      config,
      secret: TEST_SECRET,
      logger: createLogger('silent'),
      dbPath: opts.dbPath ?? ':memory:',
      clock: () => this.now,
      newId: () => `media-${++this.ids}`,
      adapters: [this.adapter],
      wrapRenderer: recordKeys,
      ...(opts.places ? { places: opts.places } : {}),
    });
  }

  async start(): Promise<this> {
    // The production entry point: attachments are cleaned (re-encoded without metadata) first.
    await this.adapter.start(async (m) => {
      await this.bot.runtime.receive(m);
    });
    return this;
  }

  /** `who` writes `text` 20 s after the last message (time to read and type), in group `chat` if given. */
  async say(who: string, text: string, chat?: string): Promise<void> {
    this.now += 20_000;
    await this.send(who, { text }, chat ? { chat, group: true } : {});
  }

  /** A tipster's direct message; returns the delivered message (for redelivery tests). */
  async send(
    sender: string,
    content: { text?: string; location?: GeoPoint; attachments?: Attachment[]; id?: string; editOf?: string; sentAt?: number },
    opts: { chat?: string; group?: boolean } = {},
  ): Promise<InboundMessage> {
    const msg: InboundMessage = {
      platform: 'simulator',
      chat: { id: opts.chat ?? sender, kind: opts.group ? 'group' : 'direct' },
      sender,
      messageId: content.id ?? `m-${++this.ids}`,
      // The platform's sending time; earlier than `now` when the bot is slow to get to it.
      timestamp: content.sentAt ?? this.now,
      attachments: content.attachments ?? [],
      ...(content.text !== undefined ? { text: content.text } : {}),
      ...(content.location ? { location: content.location } : {}),
      ...(content.editOf ? { editOf: content.editOf } : {}),
    };
    if (!opts.group && content.text && !content.text.startsWith('/')) this.typed.push(content.text);
    await this.deliver(msg, describe(sender, content));
    return msg;
  }

  async deliver(msg: InboundMessage, label = `> ${msg.sender}: (redelivered ${msg.messageId})`): Promise<void> {
    this.lines.push(label);
    await this.adapter.deliver(msg);
    await this.flush();
  }

  /** Moves the fake clock forward and runs due timers. */
  async advance(ms: number): Promise<void> {
    this.now += ms;
    this.lines.push(`~ ${formatDuration(ms)} later`);
    this.bot.runtime.tick();
    await this.flush();
  }

  /** Sends what the outbox holds and appends it (and new reports) to the transcript. */
  async flush(): Promise<void> {
    await this.bot.runtime.idle(); // messages with photos are handled once the photos are cleaned
    await this.bot.dispatcher.drain();
    for (const m of this.adapter.sent.slice(this.printed)) {
      this.lines.push(formatSent(m));
      if (m.chat.kind === 'group' && this.responderChats.has(m.chat.id)) {
        this.alertsScanned += 1;
        const run = verbatimRun(m.text, this.typed);
        if (run !== undefined) throw new Error(`an alert to ${m.chat.id} quotes the tipster verbatim: "${run}"`);
      }
    }
    this.printed = this.adapter.sent.length;
    const reports = this.reports();
    for (const r of reports.slice(this.reportsSeen)) {
      this.lines.push(`= report #${r.number} status=${r.status} urgent=${r.urgent ? 'yes' : 'no'} lang=${r.lang}`);
    }
    this.reportsSeen = reports.length;
  }

  sentTo(chat: string): SentMessage[] {
    return this.adapter.sent.filter((m) => m.chat.id === chat);
  }

  lastTo(chat: string): SentMessage | undefined {
    return this.sentTo(chat).at(-1);
  }

  reports(): { number: number; status: string; urgent: number; lang: string; fields: string; tipster: string | null }[] {
    return this.bot.store.db.prepare('SELECT number, status, urgent, lang, fields, tipster FROM reports ORDER BY number').all() as never;
  }

  transcript(): string {
    return `${this.lines.join('\n')}\n`;
  }

  async stop(): Promise<void> {
    await this.bot.stop();
  }
}

function recordKeys(r: Renderer): Renderer {
  return {
    ...r,
    reply(event) {
      const out = r.reply(event);
      const keys = event.parts.map((p) => ('summary' in p ? '(summary)' : p.key));
      return { ...out, keys } as typeof out;
    },
  };
}

function describe(sender: string, c: { text?: string; location?: GeoPoint; attachments?: Attachment[]; editOf?: string }): string {
  const bits: string[] = [];
  if (c.editOf) bits.push(`(edits ${c.editOf})`);
  if (c.attachments?.length) bits.push(`[${c.attachments.map((a) => a.kind).join(', ')}]`);
  if (c.location) bits.push(`[pin ${c.location.lat}, ${c.location.lng}]`);
  if (c.text !== undefined) bits.push(c.text);
  return `> ${sender}: ${bits.join(' ')}`;
}

function formatSent(m: SentMessage): string {
  const head = `< ${m.chat.kind === 'group' ? m.chat.id : 'bot'}${m.keys ? ` [${m.keys.join(' + ')}]` : ''}`;
  const body = m.text.split('\n').map((l) => `    ${l}`);
  const choices = m.choices?.length ? [`    {${m.choices.map((c) => `${c.value}: ${c.label}`).join(' | ')}}`] : [];
  return [head, ...body, ...choices].join('\n');
}

function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${ms / 1000} s`;
}

/** A real (16 × 12, 267-byte) JPEG without metadata: the runtime decodes and re-encodes it. */
const TINY_JPEG =
  '/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAMABADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAABP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AIAHCv/Z';

/** A small photo attachment for tests. */
export function photo(name = 'photo.jpg'): Attachment {
  return { kind: 'image', mime: 'image/jpeg', name, data: new Uint8Array(Buffer.from(TINY_JPEG, 'base64')) };
}
