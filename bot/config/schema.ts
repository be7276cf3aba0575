/**
 * The configuration schema: one YAML file (see centinela.example.yaml) validated with zod at
 * start-up. Every message here is written for the network's admin, not for a developer:
 * "expected a positive number", "required", "unknown key", never zod's own jargon.
 *
 * Cross-field rules (unique zone ids, responder zones that exist, enabled platforms, ...) live
 * in validate.ts, because zod skips object-level refinements once any field has failed and we
 * want every problem reported in one go.
 */
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { PLATFORMS } from '../messages.js';
import type { Lang } from '../parse/types.js';

/** Languages the bot can speak, in the order we list them to admins. */
export const SUPPORTED_LANGUAGES: readonly Lang[] = ['es', 'en'];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const PRECISIONS = ['exact', 'zone'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const DEFAULT_STORAGE_PATH = './data/centinela.db';
export const DEFAULT_HTTP = { port: 3000, host: '127.0.0.1' } as const;
export const INTAKE_DEFAULTS = {
  remindAfterMinutes: 10,
  expireAfterMinutes: 30,
  burstSeconds: 4,
  maxWrongAnswers: 3,
  followUpMinutes: 60,
} as const;
export const VERIFICATION_DEFAULTS = {
  approvals: 1,
  duplicateWindowMinutes: 30,
  duplicateDistanceMeters: 1000,
  staleAfterMinutes: 60,
  expireIncidentAfterMinutes: 240,
  expireReportAfterMinutes: 720,
  relayMinutes: 30,
} as const;
export const ABUSE_DEFAULTS = {
  reportsPerHour: 5,
  floodReports: 4,
  floodWindowMinutes: 10,
  digestMinutes: 5,
  followUpsPerHour: 10,
} as const;
/**
 * When a sick channel is news: a platform down or degraded this long is told to the verifier
 * chats on the other platforms; an outbox whose oldest pending row is this old makes /readyz fail.
 */
export const ALERTS_DEFAULTS = { channelDownMinutes: 5, outboxStuckMinutes: 15 } as const;
export const OUTBOX_DEFAULTS = {
  maxAttempts: 8,
  baseDelayMs: 1000,
  maxDelayMs: 300_000,
  pollMs: 250,
} as const;
/** What to do with files whose location data cannot be removed (video, HEIC). */
export const UNCLEANABLE_MEDIA = ['withhold', 'verifiers'] as const;
export type UncleanableMedia = (typeof UNCLEANABLE_MEDIA)[number];
export const PRIVACY_DEFAULTS = {
  uncleanableMedia: 'withhold',
  maxMediaMegabytes: 15,
  maxImageMegapixels: 40,
  maxImageDimension: 2048,
  /** Decimal places kept of a tipster's pin: 3 is about 100 m (the street, not the house). */
  pinDecimals: 3,
} as const;
/** How long each kind of data is kept before the sweeper deletes it (see docs/privacy.md). */
/** Scheduled backups kept in backup.dir; older ones are deleted after each new one. */
export const BACKUP_DEFAULTS = { keep: 7 } as const;
export const RETENTION_DEFAULTS = {
  draftHours: 2,
  doneSessionHours: 24,
  reportDays: 30,
  mediaDays: 7,
  auditDays: 90,
  inboxDays: 3,
  outboxDays: 7,
  sweepMinutes: 60,
} as const;

// ---------------------------------------------------------------------------------------------
// Message helpers

type RawIssue = z.core.$ZodRawIssue;

/** A short, admin-readable description of a value that was not what we expected. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a section';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

const isMissing = (iss: RawIssue): boolean => iss.code === 'invalid_type' && iss.input === undefined;

/** Error map for a schema whose every failure reads "expected <what>" (or "required" when absent). */
function expecting(what: string) {
  return (iss: RawIssue): string => (isMissing(iss) ? 'required' : `expected ${what}`);
}

/**
 * Error map for an object section: "required" when absent, "expected <what>" when it is not a
 * mapping; unknown keys fall through to the parse-level map ("unknown key", one per key).
 */
function section(what: string) {
  return (iss: RawIssue): string | undefined => {
    if (iss.code === 'unrecognized_keys') return undefined;
    return isMissing(iss) ? 'required' : `expected ${what}`;
  };
}

/**
 * Fallback messages for anything a schema did not word itself. Passed as the parse-level error
 * map, so it never overrides the specific messages set on the schemas.
 */
export const configErrorMap = (iss: RawIssue): string | undefined => {
  switch (iss.code) {
    case 'unrecognized_keys':
      return 'unknown key';
    case 'invalid_type': {
      if (iss.input === undefined) return 'required';
      const expected: Record<string, string> = {
        string: 'text',
        number: 'a number',
        int: 'a whole number',
        boolean: 'true or false',
        array: 'a list',
        tuple: 'a list',
        object: 'a section of key: value pairs',
        record: 'a section of key: value pairs',
      };
      return `expected ${expected[iss.expected] ?? iss.expected}`;
    }
    case 'invalid_value':
      return `expected one of: ${iss.values.map(String).join(', ')}`;
    case 'too_small':
      return `expected at least ${String(iss.minimum)}`;
    case 'too_big':
      return `expected at most ${String(iss.maximum)}`;
    default:
      return undefined;
  }
};

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Non-empty text. A bare number in YAML (a zip code, a phone number) gets a hint to quote it. */
const text = z
  .string({
    error: (iss) => {
      if (isMissing(iss)) return 'required';
      if (typeof iss.input === 'number' || typeof iss.input === 'boolean') {
        return `expected text, got ${String(iss.input)} (put the value in quotes)`;
      }
      return 'expected text';
    },
  })
  .regex(/\S/, 'expected non-empty text');

/**
 * A platform's id for a chat, a verifier or a topic. Telegram shows its ids as numbers
 * (-1001234567890), so a whole number written without quotes is taken as its digits. A number
 * too large to be exact (beyond 9007199254740991) still needs quotes.
 */
const platformId = z.preprocess((value) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value), text);

const bool = z.boolean({ error: expecting('true or false') });

const POSITIVE_NUMBER = 'expected a positive number';
const positiveNumber = z.number({ error: expecting('a positive number') }).positive(POSITIVE_NUMBER);

const nonNegativeNumber = z.number({ error: expecting('a number of 0 or more') }).min(0, 'expected a number of 0 or more');

const WHOLE_POSITIVE = 'expected a whole number of 1 or more';
const positiveInt = z
  .number({ error: expecting('a whole number of 1 or more') })
  .int(WHOLE_POSITIVE)
  .min(1, WHOLE_POSITIVE);

const PIN_DECIMALS = 'expected a whole number from 1 to 6 (3 keeps about 100 m)';
const pinDecimals = z
  .number({ error: expecting('a whole number from 1 to 6') })
  .int(PIN_DECIMALS)
  .min(1, PIN_DECIMALS)
  .max(6, PIN_DECIMALS);
const PORT = 'expected a whole number from 1 to 65535';
const port = z
  .number({ error: expecting('a whole number from 1 to 65535') })
  .int(PORT)
  .min(1, PORT)
  .max(65535, PORT);

const METRICS_TOKEN = 'expected at least 32 letters, digits, "_" or "-" (e.g. from `openssl rand -hex 32`)';
/** A bearer token for /health and /metrics: long and plain enough to paste into a monitor's header. */
const metricsToken = z.string({ error: expecting('text') }).regex(/^[A-Za-z0-9_-]{32,}$/, METRICS_TOKEN);

const AGE_RECIPIENT = 'expected an age public key (age1…), e.g. from `age-keygen -y backup-key.txt`';
/** An age recipient: `age1` and bech32 characters (post-quantum keys are longer); the age library checks it fully. */
const ageRecipient = z.string({ error: expecting('an age public key (age1…)') }).regex(/^age1[0-9a-z]{58,}$/, AGE_RECIPIENT);

const languageList = SUPPORTED_LANGUAGES.join(', ');

export const LangSchema = z.enum(SUPPORTED_LANGUAGES, {
  error: (iss) => (isMissing(iss) ? 'required' : `unsupported language ${describeValue(iss.input)} (supported: ${languageList})`),
});

export const PlatformSchema = z.enum(PLATFORMS, {
  error: (iss) => (isMissing(iss) ? 'required' : `unknown platform ${describeValue(iss.input)} (expected one of: ${PLATFORMS.join(', ')})`),
});

const timezone = text.refine((tz) => IANAZone.isValidZone(tz), {
  error: (iss) => `unknown time zone ${describeValue(iss.input)}`,
});

// ---------------------------------------------------------------------------------------------
// Zones

const LAT = 'expected a latitude from -90 to 90 (points are [lat, lng])';
const LNG = 'expected a longitude from -180 to 180 (points are [lat, lng])';
const latitude = z
  .number({ error: expecting('a latitude from -90 to 90 (points are [lat, lng])') })
  .min(-90, LAT)
  .max(90, LAT);
const longitude = z
  .number({ error: expecting('a longitude from -180 to 180 (points are [lat, lng])') })
  .min(-180, LNG)
  .max(180, LNG);

/** A point as [latitude, longitude] in WGS84 degrees (note: not GeoJSON's [lng, lat]). */
export const LatLngSchema = z.tuple([latitude, longitude], { error: expecting('a point [lat, lng]') });

export const CircleAreaSchema = z.strictObject(
  { center: LatLngSchema, radiusMeters: positiveNumber },
  { error: section('{ center, radiusMeters }') },
);

export const PolygonAreaSchema = z.strictObject(
  {
    polygon: z.array(LatLngSchema, { error: expecting('a list of [lat, lng] points') }).min(3, 'expected at least 3 [lat, lng] points'),
  },
  { error: section('{ polygon }') },
);

const AREA_SHAPE = 'expected { center, radiusMeters } or { polygon }';

/**
 * A circle or a polygon. Dispatches on which key is present, so a circle with a bad radius is
 * reported as `area.radiusMeters: ...` rather than as a vague "matches neither shape".
 */
export const AreaSchema = z.unknown().transform((value, ctx) => {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject || 'center' in value === 'polygon' in value) {
    ctx.addIssue({ code: 'custom', message: value === undefined ? 'required' : AREA_SHAPE });
    return z.NEVER;
  }
  const parsed =
    'polygon' in value
      ? PolygonAreaSchema.safeParse(value, { error: configErrorMap })
      : CircleAreaSchema.safeParse(value, { error: configErrorMap });
  if (!parsed.success) {
    // Re-raise the inner issues (paths relative to `area`, messages already worded).
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  }
  return parsed.data;
});

/** Zone names by language: `{ en: East Side, es: Lado Este }`, at least one. */
export const ZoneNameSchema = z
  .record(z.string(), text, { error: section('names by language, e.g. { en: East Side, es: Lado Este }') })
  .superRefine((names, ctx) => {
    const keys = Object.keys(names);
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'expected a name in at least one language, e.g. { en: East Side }' });
    }
    for (const key of keys) {
      if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `unsupported language ${JSON.stringify(key)} (supported: ${languageList})`,
        });
      }
    }
  })
  .transform((names) => names as Partial<Record<Lang, string>>);

export const ZoneSchema = z.strictObject(
  {
    id: text,
    name: ZoneNameSchema,
    aliases: z.array(text, { error: expecting('a list of place names') }).default(() => []),
    area: AreaSchema,
  },
  { error: section('a zone, e.g. { id: eastside, name: { en: East Side }, area: ... }') },
);

// ---------------------------------------------------------------------------------------------
// Chats, verifiers, platforms

// Optional keys here are exactOptional: a key left out is absent from the parsed config, never
// present as undefined, so the parsed chats are the verification model's types as they are.
const chatShape = {
  platform: PlatformSchema,
  id: platformId,
  language: LangSchema.exactOptional(),
};

export const ChatSchema = z.strictObject(chatShape, {
  error: section('a chat, e.g. { platform: simulator, id: verifiers }'),
});

export const ResponderChatSchema = z.strictObject(
  {
    ...chatShape,
    /** How verifiers know this group in delivery reports ("Boyle Heights"); default its zones' names. */
    name: text.exactOptional(),
    zones: z.array(text, { error: expecting('a list of zone ids') }).default(() => []),
    fallback: bool.default(false),
    thread: platformId.exactOptional(),
    /** Whether confirmed alerts may carry the report's photos (cleaned of metadata). */
    media: bool.default(false),
    precision: z
      .enum(PRECISIONS, {
        error: (iss) => (isMissing(iss) ? 'required' : `expected "exact" or "zone", got ${describeValue(iss.input)}`),
      })
      .default('exact'),
  },
  { error: section('a chat, e.g. { platform: simulator, id: responders-east, zones: [eastside] }') },
);

/** One verifier by one platform id (the original form). */
export const SingleVerifierSchema = z.strictObject(
  { platform: PlatformSchema, id: platformId, name: text.exactOptional() },
  { error: section('a verifier, e.g. { platform: simulator, id: verifier-1 }') },
);

/** One person enrolled with ids on several platforms: their approvals count once. */
export const PersonVerifierSchema = z.strictObject(
  {
    name: text,
    ids: z
      .array(z.strictObject({ platform: PlatformSchema, id: platformId }, { error: section('{ platform, id }') }), {
        error: expecting('a list of { platform, id }'),
      })
      .min(1, 'expected at least one { platform, id }'),
  },
  { error: section('a verifier, e.g. { name: Ana, ids: [{ platform: signal, id: ... }] }') },
);

const VERIFIER_SHAPE = 'expected { platform, id } or { name, ids: [{ platform, id }, ...] }';

/**
 * A verifier: `{ platform, id, name? }`, or one person with several ids, `{ name, ids: [...] }`.
 * Dispatches on `ids`, so a problem is reported at its own key rather than as "matches neither".
 */
export const VerifierSchema = z
  .unknown()
  .transform((value, ctx): z.output<typeof SingleVerifierSchema> | z.output<typeof PersonVerifierSchema> => {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!isObject) {
      ctx.addIssue({ code: 'custom', message: value === undefined ? 'required' : VERIFIER_SHAPE });
      return z.NEVER;
    }
    const parsed =
      'ids' in value
        ? PersonVerifierSchema.safeParse(value, { error: configErrorMap })
        : SingleVerifierSchema.safeParse(value, { error: configErrorMap });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
      return z.NEVER;
    }
    return parsed.data;
  });

/**
 * A verifier as the bot uses it: one platform id per entry. The ids of a `{ name, ids }` person
 * become one entry each, sharing `person` (the index of the person's entry in the file).
 */
export interface VerifierEntry {
  platform: z.output<typeof PlatformSchema>;
  id: string;
  name?: string;
  person?: number;
}

function flattenVerifiers(list: z.output<typeof VerifierSchema>[]): VerifierEntry[] {
  return list.flatMap((v, person): VerifierEntry[] => ('ids' in v ? v.ids.map((id) => ({ ...id, name: v.name, person })) : [v]));
}

/** Settings for a real platform adapter; loose for now, the adapters own their keys. */
export const PlatformSettingsSchema = z.looseObject(
  { enabled: bool.optional() },
  { error: section('a section of settings, e.g. { enabled: true }') },
);

export const PlatformsSchema = z
  .strictObject(
    {
      simulator: z
        .strictObject({ enabled: bool }, { error: section('{ enabled: true } or { enabled: false }') })
        .prefault({ enabled: false }),
      signal: PlatformSettingsSchema.optional(),
      whatsapp: PlatformSettingsSchema.optional(),
      telegram: PlatformSettingsSchema.optional(),
    },
    { error: section('a section with one entry per platform, e.g. { simulator: { enabled: true } }') },
  )
  .prefault({});

// ---------------------------------------------------------------------------------------------
// The whole file

export const NetworkSchema = z.strictObject(
  {
    name: text,
    hotline: text,
    timezone,
    languages: z
      .array(LangSchema, { error: expecting(`a list of languages, e.g. [${languageList}]`) })
      .min(1, `expected at least one language, e.g. [${languageList}]`),
    signalContact: text.optional(),
  },
  { error: section('{ name, hotline, timezone, languages }') },
);

export const ConfigSchema = z.strictObject(
  {
    network: NetworkSchema,
    storage: z.strictObject({ path: text.default(DEFAULT_STORAGE_PATH) }, { error: section('{ path }') }).prefault({}),
    http: z
      .strictObject(
        {
          port: port.default(DEFAULT_HTTP.port),
          host: text.default(DEFAULT_HTTP.host),
          /** When set, /health and /metrics need `Authorization: Bearer <token>`; else they answer loopback only. */
          metricsToken: metricsToken.optional(),
        },
        { error: section('{ port, host, metricsToken }') },
      )
      .prefault({}),
    zones: z.array(ZoneSchema, { error: expecting('a list of zones') }).default(() => []),
    chats: z
      .strictObject(
        {
          verifiers: z.array(ChatSchema, { error: expecting('a list of chats') }).default(() => []),
          responders: z.array(ResponderChatSchema, { error: expecting('a list of chats') }).default(() => []),
        },
        { error: section('{ verifiers, responders }') },
      )
      .prefault({}),
    verifiers: z
      .array(VerifierSchema, { error: expecting('a list of verifiers') })
      .default(() => [])
      .transform(flattenVerifiers),
    platforms: PlatformsSchema,
    intake: z
      .strictObject(
        {
          remindAfterMinutes: positiveNumber.default(INTAKE_DEFAULTS.remindAfterMinutes),
          expireAfterMinutes: positiveNumber.default(INTAKE_DEFAULTS.expireAfterMinutes),
          burstSeconds: nonNegativeNumber.default(INTAKE_DEFAULTS.burstSeconds),
          maxWrongAnswers: positiveInt.default(INTAKE_DEFAULTS.maxWrongAnswers),
          /** After submitting, the tipster's messages for this long are updates to that report (0: never). */
          followUpMinutes: nonNegativeNumber.default(INTAKE_DEFAULTS.followUpMinutes),
        },
        { error: section('{ remindAfterMinutes, expireAfterMinutes, burstSeconds, maxWrongAnswers, followUpMinutes }') },
      )
      .prefault({}),
    verification: z
      .strictObject(
        {
          approvals: positiveInt.default(VERIFICATION_DEFAULTS.approvals),
          duplicateWindowMinutes: positiveNumber.default(VERIFICATION_DEFAULTS.duplicateWindowMinutes),
          duplicateDistanceMeters: positiveNumber.default(VERIFICATION_DEFAULTS.duplicateDistanceMeters),
          staleAfterMinutes: positiveNumber.default(VERIFICATION_DEFAULTS.staleAfterMinutes),
          expireIncidentAfterMinutes: positiveNumber.default(VERIFICATION_DEFAULTS.expireIncidentAfterMinutes),
          expireReportAfterMinutes: positiveNumber.default(VERIFICATION_DEFAULTS.expireReportAfterMinutes),
          /** An /ask relay closes at the first answer, or after this long without one. */
          relayMinutes: positiveNumber.default(VERIFICATION_DEFAULTS.relayMinutes),
        },
        {
          error: section(
            '{ approvals, duplicateWindowMinutes, duplicateDistanceMeters, staleAfterMinutes, expireIncidentAfterMinutes, expireReportAfterMinutes, relayMinutes }',
          ),
        },
      )
      .prefault({}),
    abuse: z
      .strictObject(
        {
          reportsPerHour: positiveInt.default(ABUSE_DEFAULTS.reportsPerHour),
          floodReports: positiveInt.default(ABUSE_DEFAULTS.floodReports),
          floodWindowMinutes: positiveNumber.default(ABUSE_DEFAULTS.floodWindowMinutes),
          /** Reports over reportsPerHour wait this long, then go to verifiers together in one digest card. */
          digestMinutes: positiveNumber.default(ABUSE_DEFAULTS.digestMinutes),
          /** Follow-ups relayed per report and hour; later ones are held (the tipster is still thanked). */
          followUpsPerHour: positiveInt.default(ABUSE_DEFAULTS.followUpsPerHour),
        },
        { error: section('{ reportsPerHour, floodReports, floodWindowMinutes, digestMinutes, followUpsPerHour }') },
      )
      .prefault({}),
    outbox: z
      .strictObject(
        {
          maxAttempts: positiveInt.default(OUTBOX_DEFAULTS.maxAttempts),
          baseDelayMs: positiveInt.default(OUTBOX_DEFAULTS.baseDelayMs),
          maxDelayMs: positiveInt.default(OUTBOX_DEFAULTS.maxDelayMs),
          pollMs: positiveInt.default(OUTBOX_DEFAULTS.pollMs),
        },
        { error: section('{ maxAttempts, baseDelayMs, maxDelayMs, pollMs }') },
      )
      .prefault({}),
    privacy: z
      .strictObject(
        {
          uncleanableMedia: z
            .enum(UNCLEANABLE_MEDIA, {
              error: (iss) => (isMissing(iss) ? 'required' : `expected "withhold" or "verifiers", got ${describeValue(iss.input)}`),
            })
            .default(PRIVACY_DEFAULTS.uncleanableMedia),
          maxMediaMegabytes: positiveNumber.default(PRIVACY_DEFAULTS.maxMediaMegabytes),
          maxImageMegapixels: positiveNumber.default(PRIVACY_DEFAULTS.maxImageMegapixels),
          maxImageDimension: positiveInt.default(PRIVACY_DEFAULTS.maxImageDimension),
          pinDecimals: pinDecimals.default(PRIVACY_DEFAULTS.pinDecimals),
        },
        { error: section('{ uncleanableMedia, maxMediaMegabytes, maxImageMegapixels, maxImageDimension, pinDecimals }') },
      )
      .prefault({}),
    retention: z
      .strictObject(
        {
          draftHours: positiveNumber.default(RETENTION_DEFAULTS.draftHours),
          doneSessionHours: positiveNumber.default(RETENTION_DEFAULTS.doneSessionHours),
          reportDays: positiveNumber.default(RETENTION_DEFAULTS.reportDays),
          mediaDays: positiveNumber.default(RETENTION_DEFAULTS.mediaDays),
          auditDays: positiveNumber.default(RETENTION_DEFAULTS.auditDays),
          inboxDays: positiveNumber.default(RETENTION_DEFAULTS.inboxDays),
          outboxDays: positiveNumber.default(RETENTION_DEFAULTS.outboxDays),
          sweepMinutes: positiveNumber.default(RETENTION_DEFAULTS.sweepMinutes),
        },
        {
          error: section('{ draftHours, doneSessionHours, reportDays, mediaDays, auditDays, inboxDays, outboxDays, sweepMinutes }'),
        },
      )
      .prefault({}),
    backup: z
      .strictObject(
        {
          /** The age public key every backup is encrypted to; its private key stays off this server. */
          recipient: ageRecipient.optional(),
          /** Where scheduled backups go (a folder of their own; created 0700). */
          dir: text.optional(),
          /** Hours between scheduled backups; none are made when absent. */
          everyHours: positiveNumber.optional(),
          /** How many scheduled backups to keep; older ones are deleted. */
          keep: positiveInt.default(BACKUP_DEFAULTS.keep),
        },
        { error: section('{ recipient, dir, everyHours, keep }') },
      )
      .superRefine((backup, ctx) => {
        if (backup.everyHours === undefined) return;
        if (!backup.recipient)
          ctx.addIssue({
            code: 'custom',
            path: ['recipient'],
            message: 'required when backup.everyHours is set (the age public key backups are encrypted to)',
          });
        if (!backup.dir)
          ctx.addIssue({
            code: 'custom',
            path: ['dir'],
            message: 'required when backup.everyHours is set (the folder scheduled backups go to)',
          });
      })
      .prefault({}),
    alerts: z
      .strictObject(
        {
          channelDownMinutes: positiveNumber.default(ALERTS_DEFAULTS.channelDownMinutes),
          outboxStuckMinutes: positiveNumber.default(ALERTS_DEFAULTS.outboxStuckMinutes),
        },
        { error: section('{ channelDownMinutes, outboxStuckMinutes }') },
      )
      .prefault({}),
    logging: z
      .strictObject(
        {
          level: z
            .enum(LOG_LEVELS, {
              error: (iss) =>
                isMissing(iss) ? 'required' : `unknown log level ${describeValue(iss.input)} (expected one of: ${LOG_LEVELS.join(', ')})`,
            })
            .default('info'),
        },
        { error: section('{ level }') },
      )
      .prefault({}),
  },
  { error: section('sections such as network, zones, chats, verifiers and platforms') },
);

/** The validated configuration, after defaults. */
export type Config = z.output<typeof ConfigSchema>;
/** What an admin may write (defaults optional). */
export type ConfigInput = z.input<typeof ConfigSchema>;
export type NetworkConfig = Config['network'];
export type Zone = z.output<typeof ZoneSchema>;
export type Area = Zone['area'];
export type CircleArea = z.output<typeof CircleAreaSchema>;
export type PolygonArea = z.output<typeof PolygonAreaSchema>;
export type ChatConfig = z.output<typeof ChatSchema>;
export type ResponderChatConfig = z.output<typeof ResponderChatSchema>;
export type VerifierConfig = VerifierEntry;
export type PlatformsConfig = Config['platforms'];
export type IntakeConfig = Config['intake'];
export type OutboxConfig = Config['outbox'];
export type VerificationConfig = Config['verification'];
export type PrivacyConfig = Config['privacy'];
export type RetentionConfig = Config['retention'];
export type BackupConfig = Config['backup'];
