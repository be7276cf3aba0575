/**
 * Samples every channel's status on a timer and tells the verifier chats on the OTHER platforms
 * when one has been down or degraded for `alerts.channelDownMinutes`, and again once it works
 * (bot/health/channel-alerts.ts decides when). Each message is an outbox row in the chat's
 * language, with a dedupe key per outage and chat, so it is sent once and survives a crash.
 */
import type { Config } from '../bot/config/index.js';
import {
  watchChannels,
  emptyWatch,
  type ChannelAlertEvent,
  type ChannelStatus,
  type ChannelWatchState,
} from '../bot/health/channel-alerts.js';
import type { Renderer } from '../bot/i18n/render.js';
import type { Platform } from '../bot/messages.js';
import { outboxRow } from '../bot/outbox-row.js';
import type { Lang } from '../bot/parse/types.js';
import type { Vault } from '../bot/privacy/vault.js';
import type { NewOutboxRow } from '../bot/outbox-row.js';

/** How the platforms are called in messages (brand names: the same in every language). */
const CHANNEL_NAMES: Record<Platform, string> = { signal: 'Signal', whatsapp: 'WhatsApp', telegram: 'Telegram', simulator: 'Simulator' };

export interface ChannelWatchDeps {
  statuses: () => ChannelStatus[];
  clock: () => number;
  config: Pick<Config, 'alerts' | 'chats' | 'network'>;
  renderer: Pick<Renderer, 't'>;
  vault: Vault;
  store: { transaction<T>(fn: () => T): T; enqueue(row: NewOutboxRow, now: number): boolean };
  /** Called after rows were written (kicks the dispatcher). */
  onOutbox: () => void;
  logger: { info(o: Record<string, unknown>, m: string): void; warn(o: Record<string, unknown>, m: string): void };
}

export class ChannelWatch {
  private state: ChannelWatchState = emptyWatch();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly d: ChannelWatchDeps) {}

  /** Starts sampling every `intervalMs` (real time; the outage length is measured on the clock). */
  start(intervalMs = 1_000): void {
    this.stop();
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (err) {
        this.d.logger.warn({ err: err instanceof Error ? err.name : typeof err }, 'channel check failed');
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One sample: writes the messages it calls for; returns the events (for tests). */
  check(): ChannelAlertEvent[] {
    const now = this.d.clock();
    const thresholdMs = this.d.config.alerts.channelDownMinutes * 60_000;
    const { state, events } = watchChannels(this.state, this.d.statuses(), now, thresholdMs);
    this.state = state;
    if (events.length === 0) return events;
    let written = 0;
    this.d.store.transaction(() => {
      for (const e of events) written += this.tell(e, now);
    });
    for (const e of events) {
      if (e.type === 'channel_down')
        this.d.logger.warn(
          { platform: e.platform, condition: e.condition, problem: e.problem, chats: written },
          'channel down; verifiers on the other platforms told',
        );
      else this.d.logger.info({ platform: e.platform, downMs: e.downMs, chats: written }, 'channel works again; verifiers told');
    }
    if (written > 0) this.d.onOutbox();
    return events;
  }

  /** Writes one event's message to each verifier chat on another platform; returns how many. */
  private tell(e: ChannelAlertEvent, now: number): number {
    let n = 0;
    for (const chat of this.d.config.chats.verifiers) {
      if (chat.platform === e.platform) continue; // it would not get there
      const lang: Lang = chat.language ?? this.d.config.network.languages[0] ?? 'es';
      const text = this.text(e, lang, now);
      const row = outboxRow(
        this.d.vault,
        { type: 'chat', platform: chat.platform, id: chat.id, kind: 'group' },
        { text },
        {
          dedupeKey: `channel:${e.platform}:${e.since}:${e.type === 'channel_down' ? 'down' : 'up'}:${chat.platform}:${chat.id}`,
        },
      );
      if (this.d.store.enqueue(row, now)) n += 1;
    }
    return n;
  }

  private text(e: ChannelAlertEvent, lang: Lang, now: number): string {
    const channel = CHANNEL_NAMES[e.platform];
    const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
    if (e.type === 'channel_recovered') return this.d.renderer.t(lang, 'channel.recovered', { channel, minutes: minutes(e.downMs) });
    const problem = e.problem ?? 'unreachable';
    return this.d.renderer.t(lang, e.condition === 'degraded' ? 'channel.degraded' : 'channel.down', {
      channel,
      minutes: minutes(now - e.since),
      problem: { key: `channel.problem.${problem}` },
      action: { key: `channel.action.${problem}` },
    });
  }
}
