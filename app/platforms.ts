/**
 * Builds the real platform adapters the config enables (Signal, Telegram, WhatsApp), checking each
 * platform's own settings, and normalises platform chat ids in the config (Signal groups come in
 * two forms). Everything else about a platform stays in its adapter folder.
 */
import type Database from 'better-sqlite3';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { SignalAdapter } from '../adapters/signal/adapter.js';
import { parseSignalConfig } from '../adapters/signal/config.js';
import { normalizeSignalChatId } from '../adapters/signal/ids.js';
import { TelegramAdapter } from '../adapters/telegram/adapter.js';
import { parseTelegramConfig } from '../adapters/telegram/config.js';
import { WhatsAppAdapter } from '../adapters/whatsapp/adapter.js';
import { parseWhatsAppConfig } from '../adapters/whatsapp/config.js';
import { configuredUserJid } from '../adapters/whatsapp/lid-lookup.js';
import type { Config } from '../bot/config/index.js';
import type { ChannelStatus } from '../bot/health/channel-alerts.js';
import type { AdapterPort } from '../bot/port.js';
import type { Vault } from '../bot/privacy/vault.js';
import { WhatsAppAuthStore } from '../store/whatsapp-auth-store.js';
import { signalStatus, telegramStatus, whatsappStatus } from './channel-status.js';

export interface PlatformAdapter {
  adapter: AdapterPort;
  /** HTTP routes the platform needs (Telegram webhook). */
  routes?: Hono;
  /** Whether the platform connection works right now. */
  healthy: () => boolean;
  /** Details for /health. */
  health: () => Record<string, unknown>;
  /**
   * The same health in the words every platform shares: /readyz, metrics, channel-down alerts.
   * Without it, `healthy()` alone says up or down.
   */
  status?: () => ChannelStatus;
  /** Gives the platform what exists only once the store is open (WhatsApp keeps its session there). */
  bind?: (deps: { db: Database.Database; vault: Vault }) => void;
}

export type PlatformsResult = { ok: true; platforms: PlatformAdapter[]; config: Config } | { ok: false; errors: string[] };

function enabled(section: Record<string, unknown> | undefined): section is Record<string, unknown> {
  return section !== undefined && section.enabled !== false;
}

/** Validates and builds the enabled real platforms; returns every problem at once. */
export function buildPlatforms(input: Config, env: NodeJS.ProcessEnv, logger: Logger): PlatformsResult {
  const config = structuredClone(input) as Config;
  const errors: string[] = [];
  const platforms: PlatformAdapter[] = [];

  const signalSection = config.platforms.signal;
  if (enabled(signalSection)) {
    const parsed = parseSignalConfig(signalSection);
    if (!parsed.ok) errors.push(...parsed.errors);
    else {
      const adapter = new SignalAdapter({ config: parsed.config, logger: logger.child({ platform: 'signal' }) });
      platforms.push({
        adapter,
        healthy: () => adapter.health().state === 'up',
        health: () => ({ ...adapter.health() }),
        status: () => signalStatus(adapter.health()),
      });
    }
    normaliseSignalIds(config, errors);
  }

  const telegramSection = config.platforms.telegram;
  if (enabled(telegramSection)) {
    const parsed = parseTelegramConfig(telegramSection, env);
    if (!parsed.ok) errors.push(...parsed.errors);
    else {
      const threads: Record<string, string> = {};
      for (const chat of config.chats.responders) if (chat.platform === 'telegram' && chat.thread) threads[chat.id] = chat.thread;
      const adapter = new TelegramAdapter({ config: parsed.config, logger: logger.child({ platform: 'telegram' }), threads });
      platforms.push({
        adapter,
        ...(parsed.config.mode === 'webhook' ? { routes: adapter.webhookRoutes() } : {}),
        healthy: () => adapter.health().state === 'up',
        health: () => ({ ...adapter.health() }),
        status: () => telegramStatus(adapter.health()),
      });
    }
  }

  const whatsappSection = config.platforms.whatsapp;
  if (enabled(whatsappSection)) {
    const parsed = parseWhatsAppConfig(whatsappSection);
    if (!parsed.ok) errors.push(...parsed.errors);
    else {
      const pnSenders = normaliseWhatsAppIds(config, errors);
      const allowedGroups = [...config.chats.verifiers, ...config.chats.responders]
        .filter((c) => c.platform === 'whatsapp')
        .map((c) => c.id);
      let auth: WhatsAppAuthStore | undefined;
      const adapter = new WhatsAppAdapter({
        config: parsed.config,
        logger: logger.child({ platform: 'whatsapp' }),
        allowedGroups,
        pnSenders,
        auth: () => {
          if (!auth) throw new Error('the WhatsApp session store was not bound');
          return auth;
        },
      });
      platforms.push({
        adapter,
        bind: ({ db, vault }) => {
          auth = new WhatsAppAuthStore(db, vault);
        },
        healthy: () => adapter.health().state === 'up',
        health: () => ({ ...adapter.health() }),
        status: () => whatsappStatus(adapter.health()),
      });
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, platforms, config };
}

const WHATSAPP_GROUP = /^\d+(-\d+)?@g\.us$/;

/**
 * WhatsApp chats must be group JIDs; verifiers are numbers with country code or LIDs. Returns the
 * verifiers named by number, whose messages must be matched on their number rather than a LID.
 */
function normaliseWhatsAppIds(config: Config, errors: string[]): string[] {
  const check = (where: string, chat: { platform: string; id: string }) => {
    if (chat.platform === 'whatsapp' && !WHATSAPP_GROUP.test(chat.id)) {
      errors.push(`${where}.id: expected a WhatsApp group JID like 120363041234567890@g.us (see \`centinela whatsapp groups\`)`);
    }
  };
  config.chats.verifiers.forEach((c, i) => check(`chats.verifiers[${i}]`, c));
  config.chats.responders.forEach((c, i) => check(`chats.responders[${i}]`, c));
  const byNumber: string[] = [];
  const person = (where: string, v: { platform: string; id: string }) => {
    if (v.platform !== 'whatsapp') return;
    const jid = configuredUserJid(v.id);
    if (!jid) errors.push(`${where}.id: expected the verifier's WhatsApp number with country code or LID (…@lid)`);
    else {
      v.id = jid;
      if (jid.endsWith('@s.whatsapp.net')) byNumber.push(jid);
    }
  };
  config.verifiers.forEach((v, i) => person(`verifiers[${i}]`, v));
  config.fieldVerifiers.forEach((p, i) => p.ids.forEach((v, j) => person(`fieldVerifiers[${i}].ids[${j}]`, v)));
  return byNumber;
}

/**
 * Signal group ids may be written raw or as `group.<base64>`: use the form messages carry.
 * Chats must be groups, and verifiers are known by their account UUID (messages carry the UUID;
 * the number is often hidden), so a phone number there could never match.
 */
function normaliseSignalIds(config: Config, errors: string[]): void {
  const fix = (where: string, entry: { platform: string; id: string }, want: 'group' | 'direct') => {
    if (entry.platform !== 'signal') return;
    const normal = normalizeSignalChatId(entry.id);
    if (!normal || normal.kind !== want || (want === 'direct' && normal.id.startsWith('+'))) {
      errors.push(
        want === 'group'
          ? `${where}.id: expected a Signal group id (raw or "group.…" form; see \`centinela signal groups\`)`
          : `${where}.id: expected the verifier's Signal account UUID, not a phone number or group id`,
      );
    } else entry.id = normal.id;
  };
  config.chats.verifiers.forEach((c, i) => fix(`chats.verifiers[${i}]`, c, 'group'));
  config.chats.responders.forEach((c, i) => fix(`chats.responders[${i}]`, c, 'group'));
  config.verifiers.forEach((v, i) => fix(`verifiers[${i}]`, v, 'direct'));
  config.fieldVerifiers.forEach((p, i) => p.ids.forEach((v, j) => fix(`fieldVerifiers[${i}].ids[${j}]`, v, 'direct')));
}
