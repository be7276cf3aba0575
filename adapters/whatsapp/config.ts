/**
 * `platforms.whatsapp` in the config file, validated for the admin: every problem is reported at
 * once, as `platforms.whatsapp.<key>: <what is wrong>`.
 *
 * There is no secret here: the WhatsApp session (creds and signal keys) lives in the SQLite store,
 * sealed with the network's secret (store/whatsapp-auth-store.ts), and is created by
 * `centinela whatsapp link`.
 *
 * @example
 * // platforms:
 * //   whatsapp:
 * //     pacing: { perChatPerMinute: 20, overallPerMinute: 60, minGapMs: 1000 }
 * const parsed = parseWhatsAppConfig(config.platforms.whatsapp);
 * if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
 */
import { z } from 'zod';

/**
 * How fast the bot may send. An unofficial client that sends fast gets the number banned, so the
 * defaults are slow: one message a second at most, 60 a minute overall, 20 a minute per chat.
 */
export interface WhatsAppPacing {
  /** Most messages to one chat in any 60 s. */
  perChatPerMinute: number;
  /** Most messages overall in any 60 s. */
  overallPerMinute: number;
  /** Least time between two sends, any chats, in ms. */
  minGapMs: number;
  /** After WhatsApp says "rate-overlimit", no message goes out for this long (ms). */
  pauseOnLimitMs: number;
}

/** The validated settings the adapter runs with. */
export interface WhatsAppConfig {
  enabled: boolean;
  pacing: WhatsAppPacing;
  /** Media larger than this is not downloaded (the attachment is passed on without data). */
  maxMediaBytes: number;
  /** The name the phone shows under Linked devices. */
  browserName: string;
}

export type WhatsAppConfigResult = { ok: true; config: WhatsAppConfig } | { ok: false; errors: string[] };

export const DEFAULT_PACING: WhatsAppPacing = { perChatPerMinute: 20, overallPerMinute: 60, minGapMs: 1000, pauseOnLimitMs: 5 * 60_000 };
/** WhatsApp itself sends images up to 16 MB; we stop a little below. */
export const DEFAULT_MAX_MEDIA_BYTES = 15 * 1024 * 1024;
export const DEFAULT_BROWSER_NAME = 'Centinela';

const PREFIX = 'platforms.whatsapp';

const whole = (min: number, what = 'a whole number') => {
  const msg = `expected ${what} ≥ ${min}`;
  return z.number({ error: msg }).int({ error: msg }).min(min, { error: msg });
};

const PacingSchema = z.strictObject(
  {
    perChatPerMinute: whole(1).default(DEFAULT_PACING.perChatPerMinute),
    overallPerMinute: whole(1).default(DEFAULT_PACING.overallPerMinute),
    minGapMs: whole(0, 'a whole number of milliseconds').default(DEFAULT_PACING.minGapMs),
    pauseOnLimitMs: whole(0, 'a whole number of milliseconds').default(DEFAULT_PACING.pauseOnLimitMs),
  },
  {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? undefined : 'expected a section, e.g. { perChatPerMinute: 20, overallPerMinute: 60 }',
  },
);

const RawSchema = z.strictObject(
  {
    enabled: z.boolean({ error: 'expected true or false' }).default(true),
    pacing: PacingSchema.prefault({}),
    maxMediaBytes: whole(1, 'a whole number of bytes').default(DEFAULT_MAX_MEDIA_BYTES),
    browserName: z
      .string({ error: 'expected a short name, e.g. Centinela' })
      .trim()
      .min(1, { error: 'expected a short name, e.g. Centinela' })
      .max(40, { error: 'expected a short name (at most 40 characters)' })
      .optional(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? undefined : 'expected a section, e.g. { enabled: true }') },
);

/**
 * Validates `platforms.whatsapp` (the raw value from the config file). A missing section
 * (`undefined`) means WhatsApp is not used: the result is a disabled config with the defaults.
 */
export function parseWhatsAppConfig(raw: unknown): WhatsAppConfigResult {
  const parsed = RawSchema.safeParse(raw === undefined ? { enabled: false } : raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((iss) => {
      const base = iss.path.length > 0 ? `${PREFIX}.${iss.path.join('.')}` : PREFIX;
      if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => `${base}.${k}: unknown key`);
      return [`${base}: ${iss.message}`];
    });
    return { ok: false, errors };
  }
  const r = parsed.data;
  return {
    ok: true,
    config: {
      enabled: r.enabled,
      pacing: { ...r.pacing },
      maxMediaBytes: r.maxMediaBytes,
      browserName: r.browserName ?? DEFAULT_BROWSER_NAME,
    },
  };
}
