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
import {
  describeValue,
  isMissing,
  expecting,
  section,
  configErrorMap,
  text,
  platformId,
  bool,
  positiveNumber,
  nonNegativeNumber,
  positiveInt,
  pinDecimals,
  port,
  metricsToken,
  publicUrl,
  ageRecipient,
  languageList,
  LangSchema,
  PlatformSchema,
  timezone,
  CircleAreaSchema,
  PolygonAreaSchema,
  ZoneSchema,
  GazetteerSchema,
  PlaceSchema,
} from './fields.js';
import { DispatchSchema, FieldVerifierSchema } from './dispatch-schema.js';
import {
  LOG_LEVELS,
  PRECISIONS,
  DEFAULT_STORAGE_PATH,
  DEFAULT_HTTP,
  DASHBOARD_DEFAULTS,
  INTAKE_DEFAULTS,
  VERIFICATION_DEFAULTS,
  ABUSE_DEFAULTS,
  ALERTS_DEFAULTS,
  OUTBOX_DEFAULTS,
  UNCLEANABLE_MEDIA,
  PRIVACY_DEFAULTS,
  BACKUP_DEFAULTS,
  RETENTION_DEFAULTS,
} from './defaults.js';

export * from './defaults.js';
export * from './fields.js';

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
          /** Where browsers reach the bot (behind the reverse proxy); dashboard links are built on it. Default http://127.0.0.1:<port>. */
          publicUrl: publicUrl.optional(),
        },
        { error: section('{ port, host, metricsToken, publicUrl }') },
      )
      .prefault({}),
    dashboard: z
      .strictObject(
        {
          enabled: bool.default(DASHBOARD_DEFAULTS.enabled),
          /** How long a dashboard session lasts after signing in by link. */
          sessionHours: positiveNumber.default(DASHBOARD_DEFAULTS.sessionHours),
          /** How long a sign-in link sent by /panel or /dashboard works (once). */
          linkMinutes: positiveNumber.default(DASHBOARD_DEFAULTS.linkMinutes),
        },
        { error: section('{ enabled, sessionHours, linkMinutes }') },
      )
      .prefault({}),
    zones: z.array(ZoneSchema, { error: expecting('a list of zones') }).default(() => []),
    /** Map extracts read at start-up (re-imported when newer than their index); none: zones by pin and alias only. */
    gazetteer: GazetteerSchema.prefault({}),
    /** The network's own places, for what the map lacks. */
    places: z.array(PlaceSchema, { error: expecting('a list of places') }).default(() => []),
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
    fieldVerifiers: z.array(FieldVerifierSchema, { error: expecting('a list of field verifiers') }).default(() => []),
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
    dispatch: DispatchSchema,
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
export type DispatchConfig = Config['dispatch'];
export type FieldVerifierConfig = Config['fieldVerifiers'][number];
