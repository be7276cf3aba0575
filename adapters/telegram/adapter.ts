/**
 * The Telegram adapter, over grammY. It only translates (inbound.ts, outbound.ts, errors.ts) and
 * moves updates in and messages out; the runtime records, dedupes and answers.
 *
 * Receiving, either way the same middleware runs:
 * - polling (default): @grammyjs/runner with `sequentialize` per chat, so one chat's updates are
 *   handed on in order while chats run in parallel. With long polling Telegram forgets an update
 *   once the next `getUpdates` asks past it, which the runner does while earlier ones are still
 *   being handled: a crash in between loses them. A failed handler is retried twice, then logged.
 * - webhook: {@link TelegramAdapter.webhookRoutes}, grammY's webhook callback checking the secret
 *   token (401 otherwise) before the body is read (webhook-body.ts; a body that is no readable
 *   update is answered 200, so Telegram stops sending it). The request waits only for the {@link InboundHandler}, which is the
 *   durable record (one SQLite transaction); replies go later, from the outbox. If recording
 *   fails or takes longer than `webhookTimeoutMs`, the answer is 500 and Telegram delivers the
 *   update again, with the same message id, which the runtime dedupes.
 *
 * Button presses are answered (`answerCallbackQuery`, fire and forget) and handed on as the
 * choice's value, unless they come from a keyboard that a newer one in the same chat has replaced:
 * the value ("1") would answer whatever question is open now, not the one the button belonged to
 * (a stale "1. Right now" would answer "Did you see it yourself?" with yes). Such presses are only
 * acknowledged; typing the number still works. (Known from what this process sent: after a
 * restart, presses on keyboards sent before it are handed on.)
 *
 * Files are downloaded before the handler runs (`getFile`, up to `maxFileBytes`).
 * A group upgraded to a supergroup is followed: sends to the old id go to the new one
 * ({@link TelegramAdapter.chatMigrations}) and a warning asks the admin to update the config.
 *
 * @example
 * const tg = new TelegramAdapter({ config, logger, threads: { '-1001234567890': 42 } });
 * if (config.mode === 'webhook') app.route('/', tg.webhookRoutes());
 * await tg.start(async (m) => runtime.handleInbound(m));
 */
import { run, sequentialize } from '@grammyjs/runner';
import type { RunnerHandle } from '@grammyjs/runner';
import { Bot, InputFile, webhookCallback } from 'grammy';
import type { Context } from 'grammy';
import type { Message, Update, UserFromGetMe } from 'grammy/types';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { InboundMessage, OutboundMessage } from '../../bot/messages.js';
import { AdapterError } from '../../bot/port.js';
import type { AdapterPort, InboundHandler, SendResult } from '../../bot/port.js';
import type { TelegramConfig, TelegramMode } from './config.js';
import { migrationTarget, toAdapterError } from './errors.js';
import { downloadAttachments } from './files.js';
import { messageRef, migrationOf, toInbound, topicOf } from './inbound.js';
import { planSend } from './outbound.js';
import { MalformedUpdate, honoWebhookAdapter, updateProblem } from './webhook-body.js';
import type { SendStep } from './outbound.js';
import { silentLogger, type Logger } from '../../bot/logger.js';
import { handOff } from '../shared/hand-off.js';
import { ChatRoutes } from './chat-routes.js';

export interface TelegramAdapterOptions {
  config: TelegramConfig;
  logger?: Logger;
  /**
   * Forum topic (`message_thread_id`) per chat id, for responder groups whose alerts go to a
   * topic (the config's `thread`, a number or a numeric string).
   */
  threads?: Record<string, number | string>;
  /** The bot's `getMe`; when given, start() does not ask for it (tests, faster cold start). */
  botInfo?: UserFromGetMe;
  /** Long-poll `timeout` of getUpdates, seconds (default 30; tests use 1). */
  pollTimeoutSeconds?: number;
  /** Longest a webhook request waits for the durable record before answering 500 (default 10 s). */
  webhookTimeoutMs?: number;
  /** Longest one file download may take (default 60 s). */
  downloadTimeoutMs?: number;
  now?: () => number;
}

export interface TelegramHealth {
  state: 'up' | 'down' | 'starting';
  mode: TelegramMode;
  /**
   * Why getUpdates fails, while it does: `network` (Telegram unreachable), or the status
   * Telegram answered (409: a webhook is set or another instance polls; 401: the token was
   * revoked).
   */
  pollError?: string;
  /** Webhook updates answered 500 (not recorded; Telegram delivers them again) since start. */
  webhookErrors: number;
}

/** Updates we ask Telegram for; everything else would be ignored anyway. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;
const WEBHOOK_BODY_LIMIT = 1024 * 1024;
/** How long stop() waits for handlers already running before giving up on them. */
const STOP_GRACE_MS = 10_000;

type State = 'idle' | 'starting' | 'running' | 'stopping' | 'failed' | 'stopped';

/** {@link AdapterPort} for Telegram. */
export class TelegramAdapter implements AdapterPort {
  readonly platform = 'telegram' as const;
  private readonly bot: Bot;
  private readonly config: TelegramConfig;
  private readonly log: Logger;
  private readonly routes: ChatRoutes;
  private readonly now: () => number;
  private readonly pollTimeoutSeconds: number;
  private readonly webhookTimeoutMs: number;
  private readonly downloadTimeoutMs: number;
  private state: State = 'idle';
  private onMessage: InboundHandler | undefined;
  private runner: RunnerHandle | undefined;
  private pollFailing = false;
  private pollError: string | undefined;
  private webhookErrors = 0;
  private stopping: Promise<void> | undefined;
  private webhookApp: Hono | undefined;
  private readonly inflight = new Set<Promise<void>>();

  constructor(o: TelegramAdapterOptions) {
    if (!o.config.enabled || o.config.token === '') throw new Error('telegram adapter needs an enabled config with a token');
    this.config = o.config;
    this.log = o.logger ?? silentLogger;
    this.routes = new ChatRoutes(o.threads ?? {});
    this.now = o.now ?? Date.now;
    this.pollTimeoutSeconds = o.pollTimeoutSeconds ?? 30;
    this.webhookTimeoutMs = o.webhookTimeoutMs ?? 10_000;
    this.downloadTimeoutMs = o.downloadTimeoutMs ?? 60_000;
    this.bot = new Bot(o.config.token, {
      ...(o.botInfo ? { botInfo: o.botInfo } : {}),
      client: { apiRoot: o.config.apiRoot, timeoutSeconds: this.pollTimeoutSeconds + 30 },
    });
    this.bot.api.config.use(async (prev, method, payload, signal) => {
      if (method !== 'getUpdates') return prev(method, payload, signal);
      try {
        const res = await prev(method, payload, signal);
        this.notePoll(res.ok ? undefined : res.error_code);
        return res;
      } catch (err) {
        if (!signal?.aborted) this.notePoll('network');
        throw err;
      }
    });
    // Polled updates pass the same shape check as webhook bodies, before anything reads them.
    this.bot.use((ctx, next) => {
      const where = updateProblem(ctx.update);
      if (where === undefined) return next();
      this.log.warn({ reason: where }, 'telegram update is not readable; skipped');
    });
    this.bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString()));
    this.bot.use((ctx) => this.track(this.handle(ctx.update)));
    this.bot.catch((err) =>
      this.log.error({ err: err.error instanceof Error ? err.error.name : 'unknown' }, 'telegram update handling failed'),
    );
  }

  async start(onMessage: InboundHandler): Promise<void> {
    if (this.state === 'starting' || this.state === 'running' || this.state === 'stopping')
      throw new Error('telegram adapter already started');
    this.onMessage = onMessage;
    this.state = 'starting';
    this.pollFailing = false;
    try {
      await this.bot.init();
      const configured = this.config.botUsername;
      if (configured !== undefined && configured.toLowerCase() !== this.bot.botInfo.username.toLowerCase()) {
        this.log.warn(
          { configured, actual: this.bot.botInfo.username },
          'telegram token belongs to another bot than platforms.telegram.botUsername',
        );
      }
      if (this.config.mode === 'polling') {
        // Polling and a webhook exclude each other (getUpdates answers 409 while one is set).
        await this.bot.api.deleteWebhook({ drop_pending_updates: false });
      } else if (this.config.webhookUrl !== undefined) {
        await this.bot.api.setWebhook(this.config.webhookUrl, {
          allowed_updates: [...ALLOWED_UPDATES],
          drop_pending_updates: false,
          ...(this.config.secretToken !== undefined ? { secret_token: this.config.secretToken } : {}),
        });
      }
    } catch (err) {
      if (this.state === 'starting') this.state = 'failed';
      throw toAdapterError(err, 'start');
    }
    if (this.state !== 'starting') return; // stopped while starting
    this.state = 'running';
    if (this.config.mode === 'polling') this.startPolling();
    this.log.info({ mode: this.config.mode }, 'telegram adapter started');
  }

  async send(message: OutboundMessage): Promise<SendResult> {
    if (this.state !== 'running' && this.state !== 'stopping') throw new AdapterError('not_started', 'telegram adapter is not started');
    const requested = message.chat.id;
    const first = this.routes.resolveChat(requested);
    try {
      return await this.sendTo(message, first, this.routes.threadFor(requested, first, message.replyTo));
    } catch (err) {
      const to = migrationTarget(err);
      if (to === undefined) throw toAdapterError(err, 'send');
      this.noteMigration(first, to);
      try {
        return await this.sendTo(message, to, undefined);
      } catch (err2) {
        throw toAdapterError(err2, 'send');
      }
    }
  }

  /**
   * Stops fetching (polling) or accepting requests (webhook: 503), then lets the updates already
   * taken in finish: with long polling they are already confirmed to Telegram, so dropping them
   * would lose them. Resolves once nothing more will be handed on (after at most 10 s).
   */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown().finally(() => (this.stopping = undefined));
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    const wasRunning = this.state === 'running' || this.state === 'starting';
    this.state = this.state === 'running' ? 'stopping' : 'stopped';
    const runner = this.runner;
    this.runner = undefined;
    if (runner?.isRunning()) await runner.stop().catch(() => undefined);
    await this.drain(runner);
    this.state = 'stopped';
    if (wasRunning) this.log.info({ mode: this.config.mode }, 'telegram adapter stopped');
  }

  /**
   * The webhook route (`POST config.webhookPath`), for the app to mount. Answers, in this order:
   * 413 for a body over 1 MB (before anything else is looked at), 503 while the adapter is not
   * running (Telegram retries later), 401 without the right `X-Telegram-Bot-Api-Secret-Token`,
   * 200 after a log line for a body that is not a readable update (webhook-body.ts: Telegram
   * would otherwise send it again forever), 500 when recording failed or timed out (Telegram
   * redelivers), else 200.
   */
  webhookRoutes(): Hono {
    if (this.config.mode !== 'webhook') throw new Error('telegram webhook routes are only for mode: webhook');
    if (this.webhookApp) return this.webhookApp;
    const callback = webhookCallback(this.bot, honoWebhookAdapter, {
      onTimeout: 'throw',
      timeoutMilliseconds: this.webhookTimeoutMs,
      ...(this.config.secretToken !== undefined ? { secretToken: this.config.secretToken } : {}),
    });
    const app = new Hono();
    const tooLarge = bodyLimit({ maxSize: WEBHOOK_BODY_LIMIT, onError: (c) => c.body(null, 413) });
    app.post(this.config.webhookPath, tooLarge, async (c) => {
      if (this.state !== 'running') return c.body(null, 503);
      try {
        return await callback(c);
      } catch (err) {
        if (err instanceof MalformedUpdate) {
          this.log.warn(
            { where: err.where },
            'telegram webhook body is not a readable update; answered 200 so Telegram does not send it again',
          );
          return c.body(null, 200);
        }
        this.webhookErrors += 1;
        this.log.warn(
          { err: err instanceof Error ? err.name : 'unknown' },
          'telegram webhook update not recorded; Telegram will deliver it again',
        );
        return c.body(null, 500);
      }
    });
    this.webhookApp = app;
    return app;
  }

  /** Old chat id → new chat id, for groups that became supergroups while we ran. */
  chatMigrations(): Record<string, string> {
    return this.routes.migrationsSeen();
  }

  health(): TelegramHealth {
    const state = this.state === 'starting' ? 'starting' : this.state === 'running' && !this.pollFailing ? 'up' : 'down';
    // pollFailing: getUpdates is failing (retried) or was refused for good (409, 401): see the logs.
    return {
      state,
      mode: this.config.mode,
      webhookErrors: this.webhookErrors,
      ...(this.pollFailing && this.pollError !== undefined ? { pollError: this.pollError } : {}),
    };
  }

  /** Waits until updates taken in are handed on (or STOP_GRACE_MS passes). */
  private async drain(runner: RunnerHandle | undefined): Promise<void> {
    const deadline = Date.now() + STOP_GRACE_MS;
    const busy = (): boolean => this.inflight.size > 0 || (runner !== undefined && runner.size() > 0);
    while (busy() && Date.now() < deadline) {
      if (this.inflight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        const tick = new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()))));
        await Promise.race([Promise.allSettled([...this.inflight]), tick]);
        clearTimeout(timer);
      } else {
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    if (busy()) this.log.warn({ running: this.inflight.size }, 'telegram adapter stopped with updates still being handled');
  }

  private startPolling(): void {
    const runner = run(this.bot, {
      runner: { fetch: { timeout: this.pollTimeoutSeconds, allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
    });
    this.runner = runner;
    runner.task()?.catch((err: unknown) => {
      if (this.runner !== runner || this.state !== 'running') return;
      // Sending still works and updates already taken in are still handed on; only receiving stopped.
      this.pollFailing = true;
      this.pollError ??= 'stopped';
      const code = toAdapterError(err, 'getUpdates').message;
      this.log.error({ err: code }, 'telegram polling stopped (another instance polling, a webhook set, or a bad token)');
    });
  }

  private notePoll(failure: number | string | undefined): void {
    if (failure === undefined) {
      if (this.pollFailing) this.log.info({}, 'telegram polling recovered');
      this.pollFailing = false;
      this.pollError = undefined;
    } else if (!this.pollFailing) {
      this.pollFailing = true;
      this.pollError = String(failure);
      this.log.warn({ code: failure }, 'telegram polling failing; retrying');
    }
  }

  /** Whether updates are still handed on: while running, and while stop() drains. */
  private accepting(): boolean {
    return this.state === 'running' || this.state === 'stopping';
  }

  private track(p: Promise<void>): Promise<void> {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p)).catch(() => undefined);
    return p;
  }

  /** One update: migrations, topics, the button answer, downloads, then the handler. */
  private async handle(update: Update): Promise<void> {
    const migration = migrationOf(update);
    if (migration) this.noteMigration(migration.from, migration.to);
    if (!this.accepting() || !this.onMessage) return;
    const topic = topicOf(update);
    if (topic) this.routes.rememberTopic(topic.messageRef, topic.threadId);
    if (update.callback_query) {
      this.answerCallback(update.callback_query.id);
      const pressed = update.callback_query.message;
      if (pressed && this.routes.isStalePress(String(pressed.chat.id), pressed.message_id)) {
        this.log.debug({}, 'telegram button press on a replaced keyboard; acknowledged, not passed on');
        return;
      }
    }
    const me = this.bot.botInfo;
    const msg = toInbound(update, { botId: me.id, botUsername: me.username, now: this.now() });
    if (!msg) return;
    if (msg.attachments.length > 0) {
      await downloadAttachments(msg.attachments, {
        api: this.bot.api,
        apiRoot: this.config.apiRoot,
        token: this.config.token,
        maxBytes: this.config.maxFileBytes,
        timeoutMs: this.downloadTimeoutMs,
        onFailure: (reason) => this.log.warn({ reason }, 'telegram attachment not downloaded; passing the message on without it'),
      });
    }
    await this.deliver(msg, this.onMessage);
  }

  private async deliver(msg: InboundMessage, onMessage: InboundHandler): Promise<void> {
    // Webhook: a failure is passed back, and Telegram delivers the update again.
    await handOff(msg, onMessage, { log: this.log, accepting: () => this.accepting(), platformRedelivers: this.config.mode === 'webhook' });
  }

  private answerCallback(id: string): void {
    this.bot.api.answerCallbackQuery(id).catch((err: unknown) => {
      this.log.debug({ err: toAdapterError(err, 'answerCallbackQuery').message }, 'telegram button press not acknowledged');
    });
  }

  private async sendTo(message: OutboundMessage, chatId: string, threadId: number | undefined): Promise<SendResult> {
    const plan = planSend(message, threadId !== undefined ? { chatId, threadId } : { chatId });
    let primary: Message | undefined;
    for (const [i, step] of plan.steps.entries()) {
      const sent = await this.call(step);
      if (threadId !== undefined) this.routes.rememberTopic(messageRef(sent.chat.id, sent.message_id), threadId);
      if (step.params.reply_markup !== undefined) this.routes.rememberKeyboard(String(sent.chat.id), sent.message_id);
      if (i === plan.primary) primary = sent;
    }
    return primary ? { messageId: messageRef(primary.chat.id, primary.message_id) } : {};
  }

  private call(step: SendStep): Promise<Message> {
    if (step.method === 'sendMessage') return this.bot.api.raw.sendMessage(step.params);
    const f = step.file;
    const input = f.data !== undefined ? new InputFile(f.data, f.name) : (f.ref ?? '');
    if (step.method === 'sendPhoto') return this.bot.api.raw.sendPhoto({ ...step.params, photo: input });
    return this.bot.api.raw.sendDocument({ ...step.params, document: input });
  }

  private noteMigration(from: string, to: string): void {
    if (!this.routes.noteMigration(from, to)) return;
    // Group chat ids are configuration, not people: the admin needs both to fix the config.
    this.log.warn(
      { from, to },
      'telegram group was upgraded to a supergroup and has a new chat id; sending there now; update the chat id in the config',
    );
  }
}
