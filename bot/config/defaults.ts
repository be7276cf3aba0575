/**
 * The configuration's defaults and fixed vocabularies (languages, log levels, precisions): what a
 * key means when the admin leaves it out. The schema (schema.ts) applies them and re-exports
 * them, so the rest of the code imports them from the config module as before.
 */
import type { Lang } from '../parse/types.js';

/** Languages the bot can speak, in the order we list them to admins. */
export const SUPPORTED_LANGUAGES: readonly Lang[] = ['es', 'en', 'pt', 'ht', 'fr', 'zh', 'vi', 'ko', 'tl', 'ar'];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const PRECISIONS = ['exact', 'zone'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const DEFAULT_STORAGE_PATH = './data/centinela.db';
/**
 * The offline map: no extract by default (zones from pins and aliases only). Imported extracts are
 * kept in `file` beside the database, out of its backups (public data, made again from the extract).
 */
export const GAZETTEER_DEFAULTS = { sources: [] as string[], file: 'gazetteer.db' } as const;
export const DEFAULT_HTTP = { port: 3000, host: '127.0.0.1' } as const;
/** The web dashboard: on by default; sessions last `sessionHours`, sign-in links `linkMinutes`. */
export const DASHBOARD_DEFAULTS = { enabled: true, sessionHours: 12, linkMinutes: 10 } as const;
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
/**
 * Field verification dispatch: how long a ring of field verifiers has to answer before the next
 * is asked, how long a report may wait unclaimed before it is re-announced, and how long `/on`
 * without hours lasts. Minutes may be decimals (tests run on seconds).
 */
export const DISPATCH_DEFAULTS = {
  answerMinutes: 3,
  unclaimedMinutes: 10,
  onHours: 8,
  autoUrgent: true,
  siteYesConfirms: true,
  siteNobodyCloses: true,
} as const;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** What to do with files whose location data cannot be removed (video, HEIC, AVIF). */
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
/** Scheduled backups kept in backup.dir; older ones are deleted after each new one. */
export const BACKUP_DEFAULTS = { keep: 7 } as const;
/** How long each kind of data is kept before the sweeper deletes it (see docs/privacy.md). */
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
