/** A test adapter that records what the bot sends and lets a test deliver messages as a platform would. */
import type { InboundMessage, OutboundMessage, Platform } from '../../bot/messages.js';
import { AdapterError, type AdapterPort, type InboundHandler, type SendResult } from '../../bot/port.js';

export interface SentMessage extends OutboundMessage {
  messageId: string;
  /** Locale keys, when the harness records them. */
  keys?: string[];
}

export class RecordingAdapter implements AdapterPort {
  readonly sent: SentMessage[] = [];
  private handler: InboundHandler | undefined;
  private seq = 0;
  private failures: AdapterError[] = [];
  /** Chats whose every send fails with the given error (a group the bot was removed from). */
  readonly failingChats = new Map<string, AdapterError>();

  constructor(readonly platform: Platform) {}

  async start(onMessage: InboundHandler): Promise<void> {
    this.handler = onMessage;
  }

  async stop(): Promise<void> {
    this.handler = undefined;
  }

  async deliver(msg: InboundMessage): Promise<void> {
    if (!this.handler) throw new Error('adapter not started');
    await this.handler(msg);
  }

  /** The next `n` sends fail with `error`. */
  failNext(n: number, error: AdapterError): void {
    for (let i = 0; i < n; i++) this.failures.push(error);
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (!this.handler) throw new AdapterError('not_started', 'adapter not started');
    const broken = this.failingChats.get(message.chat.id);
    if (broken) throw broken;
    const failure = this.failures.shift();
    if (failure) throw failure;
    const messageId = `out-${++this.seq}`;
    this.sent.push({ ...message, messageId });
    return { messageId };
  }
}
