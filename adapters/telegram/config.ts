/**
 * `platforms.telegram` in the config file, validated for the admin: every problem is reported at
 * once, as `platforms.telegram.<key>: <what is wrong>`, and no message ever repeats the bot token
 * or the webhook secret.
 *
 * Secrets may come from the environment instead of the file: `TELEGRAM_BOT_TOKEN` and
 * `TELEGRAM_WEBHOOK_SECRET` are used when the file leaves `token` / `secretToken` out.
 *
 * @example
 * const parsed = parseTelegramConfig(config.platforms.telegram, process.env);
 * if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
 * const adapter = new TelegramAdapter({ config: parsed.config, logger });
 */
import { z } from 'zod';

/** How updates reach the bot: polling (`getUpdates`, no public address needed) or a webhook. */
export type TelegramMode = 'polling' | 'webhook';

/** The validated settings the adapter runs with. */
export interface TelegramConfig {
  enabled: boolean;
  /** The BotFather token; `''` only when `enabled` is false. Never log it. */
  token: string;
  mode: TelegramMode;
  /** Path of the webhook route on our HTTP server, e.g. `/telegram/webhook`. */
  webhookPath: string;
  /** Telegram sends it in `X-Telegram-Bot-Api-Secret-Token`; required (≥ 32 chars) in webhook mode. */
  secretToken?: string;
  /** Public https URL of the webhook route; when set, `start()` registers it with `setWebhook`. */
  webhookUrl?: string;
  /** Bot API root without a trailing slash (a self-hosted Bot API server, or a test fake). */
  apiRoot: string;
  /** Files larger than this are not downloaded (the attachment is passed on without data). */
  maxFileBytes: number;
  /** The bot's @username without the `@`. `getMe` is what counts; a mismatch is logged at start (wrong token?). */
  botUsername?: string;
}

export type TelegramConfigResult = { ok: true; config: TelegramConfig } | { ok: false; errors: string[] };

/** Telegram's public Bot API. */
export const DEFAULT_API_ROOT = 'https://api.telegram.org';
/** The Bot API's download limit (cloud server): 20 MB. */
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_WEBHOOK_PATH = '/telegram/webhook';
/** Shortest webhook secret we accept; Telegram allows 1-256 characters of `[A-Za-z0-9_-]`. */
export const MIN_SECRET_LENGTH = 32;

const PREFIX = 'platforms.telegram';
const SECRET_CHARS = /^[A-Za-z0-9_-]+$/;
const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]+$/;
const USERNAME = /^@?[A-Za-z][A-Za-z0-9_]{3,31}$/;

const str = (what: string) => z.string({ error: `expected ${what}` });

const RawSchema = z.strictObject(
  {
    enabled: z.boolean({ error: 'expected true or false' }).default(true),
    token: str('the bot token from BotFather, like 123456789:AA…').optional(),
    mode: z.enum(['polling', 'webhook'], { error: 'expected "polling" or "webhook"' }).default('polling'),
    webhookPath: str('a path starting with "/", e.g. /telegram/webhook')
      .regex(/^\/[A-Za-z0-9/_.~-]*$/, { error: 'expected a path starting with "/", e.g. /telegram/webhook' })
      .default(DEFAULT_WEBHOOK_PATH),
    secretToken: str('a secret of letters, digits, "_" and "-"').optional(),
    webhookUrl: str('the public https URL of the webhook route').optional(),
    apiRoot: str('a URL like https://api.telegram.org').optional(),
    maxFileBytes: z
      .number({ error: 'expected a positive whole number of bytes' })
      .int({ error: 'expected a positive whole number of bytes' })
      .positive({ error: 'expected a positive whole number of bytes' })
      .default(DEFAULT_MAX_FILE_BYTES),
    botUsername: str("the bot's username, e.g. CentinelaBot")
      .regex(USERNAME, { error: "expected the bot's username, e.g. CentinelaBot" })
      .optional(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? undefined : 'expected a section, e.g. { token: …, mode: polling }') },
);

/**
 * Validates `platforms.telegram` (the raw value from the config file). A missing section
 * (`undefined`) means Telegram is not used: the result is a disabled config. `env` is usually
 * `process.env`.
 */
export function parseTelegramConfig(raw: unknown, env: Record<string, string | undefined> = {}): TelegramConfigResult {
  const parsed = RawSchema.safeParse(raw === undefined ? { enabled: false } : raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((iss) => {
      if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => `${PREFIX}.${k}: unknown key`);
      const path = iss.path.length > 0 ? `${PREFIX}.${iss.path.join('.')}` : PREFIX;
      return [`${path}: ${iss.message}`];
    });
    return { ok: false, errors };
  }
  const r = parsed.data;
  const errors: string[] = [];
  const token = (r.token ?? env['TELEGRAM_BOT_TOKEN'] ?? '').trim();
  const secretToken = r.secretToken ?? nonEmpty(env['TELEGRAM_WEBHOOK_SECRET']);
  const apiRoot = (r.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, '');

  if (r.enabled) {
    if (token === '') errors.push(`${PREFIX}.token: required (or set TELEGRAM_BOT_TOKEN)`);
    else if (!TOKEN_SHAPE.test(token)) errors.push(`${PREFIX}.token: expected the bot token from BotFather, like 123456789:AA…`);
    if (!isHttpUrl(apiRoot)) errors.push(`${PREFIX}.apiRoot: expected a URL like https://api.telegram.org`);
    if (r.mode === 'webhook') {
      if (
        secretToken === undefined ||
        secretToken.length < MIN_SECRET_LENGTH ||
        secretToken.length > 256 ||
        !SECRET_CHARS.test(secretToken)
      ) {
        errors.push(
          `${PREFIX}.secretToken: webhook mode needs a secret token of at least ${MIN_SECRET_LENGTH} characters ` +
            '(letters, digits, "_" and "-"; at most 256), in the file or in TELEGRAM_WEBHOOK_SECRET',
        );
      }
      if (r.webhookUrl !== undefined && !/^https:\/\/[^\s/]+/.test(r.webhookUrl)) {
        errors.push(`${PREFIX}.webhookUrl: expected the public https URL of the webhook route`);
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const config: TelegramConfig = {
    enabled: r.enabled,
    token: r.enabled ? token : '',
    mode: r.mode,
    webhookPath: r.webhookPath,
    apiRoot,
    maxFileBytes: r.maxFileBytes,
  };
  if (secretToken !== undefined) config.secretToken = secretToken;
  if (r.webhookUrl !== undefined) config.webhookUrl = r.webhookUrl;
  if (r.botUsername !== undefined) config.botUsername = r.botUsername.replace(/^@/, '');
  return { ok: true, config };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.search === '' && u.hash === '';
  } catch {
    return false;
  }
}
