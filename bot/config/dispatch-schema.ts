/**
 * The roster and dispatch sections of the configuration: field verifiers (enrolled by platform
 * ids, with their zones, recurring shifts, starting point and language) and `dispatch` (staffed
 * hours, answer and escalation times, on-call people, what an on-site report counts for).
 */
import { z } from 'zod';
import { DISPATCH_DEFAULTS } from './defaults.js';
import {
  bool,
  expecting,
  LangSchema,
  LatLngSchema,
  PlatformSchema,
  platformId,
  positiveNumber,
  section,
  text,
  WeeklyHoursSchema,
} from './fields.js';

/**
 * A field verifier: someone the bot may ask to go and look. Enrolled like a verifier (stable
 * platform ids, never names), with the zones they cover, and optionally recurring shifts, the
 * point they usually start from (to ask the nearest first) and their language.
 */
export const FieldVerifierSchema = z.strictObject(
  {
    name: text,
    ids: z
      .array(z.strictObject({ platform: PlatformSchema, id: platformId }, { error: section('{ platform, id }') }), {
        error: expecting('a list of { platform, id }'),
      })
      .min(1, 'expected at least one { platform, id }'),
    zones: z.array(text, { error: expecting('a list of zone ids') }).min(1, 'expected at least one zone id'),
    shifts: z.array(WeeklyHoursSchema, { error: expecting('a list of shifts') }).default(() => []),
    base: LatLngSchema.exactOptional(),
    language: LangSchema.exactOptional(),
  },
  { error: section('a field verifier, e.g. { name: Ana, ids: [{ platform: signal, id: ... }], zones: [eastside] }') },
);

/** `dispatch:` (every key optional; minutes may be decimals). */
export const DispatchSchema = z
  .strictObject(
    {
      /** When the line is staffed, in the network's time zone; none: always. */
      staffedHours: z.array(WeeklyHoursSchema, { error: expecting('a list of { days, from, to }') }).default(() => []),
      /** How long a ring of field verifiers has to say yes before the next ring is asked. */
      answerMinutes: positiveNumber.default(DISPATCH_DEFAULTS.answerMinutes),
      /** A report nobody claimed this long is re-announced once (urgent ones also page the on-call). */
      unclaimedMinutes: positiveNumber.default(DISPATCH_DEFAULTS.unclaimedMinutes),
      /** How long `/on` without hours lasts. */
      onHours: positiveNumber.default(DISPATCH_DEFAULTS.onHours),
      /** Names (of verifiers or field verifiers) paged for urgent reports nobody else can take. */
      onCall: z.array(text, { error: expecting('a list of names') }).default(() => []),
      /** Urgent reports go to the field at once; others on /dispatch. */
      autoUrgent: bool.default(DISPATCH_DEFAULTS.autoUrgent),
      /** An on-site "yes" stands for all the approvals `verification.approvals` asks (else it is one). */
      siteYesConfirms: bool.default(DISPATCH_DEFAULTS.siteYesConfirms),
      /** An on-site "nobody there" closes the report as not confirmed (else the desk decides). */
      siteNobodyCloses: bool.default(DISPATCH_DEFAULTS.siteNobodyCloses),
    },
    {
      error: section('{ staffedHours, answerMinutes, unclaimedMinutes, onHours, onCall, autoUrgent, siteYesConfirms, siteNobodyCloses }'),
    },
  )
  .prefault({});
