/**
 * The configuration's building blocks: admin-readable error messages for zod, the field types
 * every section uses (text, ids, numbers, ports, tokens), and zones (points, circles, polygons,
 * names). schema.ts assembles the sections from these.
 */
import { z } from 'zod';
import { IANAZone } from 'luxon';
import { PLATFORMS } from '../messages.js';
import type { Lang } from '../parse/types.js';
import { GAZETTEER_DEFAULTS, SUPPORTED_LANGUAGES, WEEKDAYS } from './defaults.js';

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

export const isMissing = (iss: RawIssue): boolean => iss.code === 'invalid_type' && iss.input === undefined;

/** Error map for a schema whose every failure reads "expected <what>" (or "required" when absent). */
export function expecting(what: string) {
  return (iss: RawIssue): string => (isMissing(iss) ? 'required' : `expected ${what}`);
}

/**
 * Error map for an object section: "required" when absent, "expected <what>" when it is not a
 * mapping; unknown keys fall through to the parse-level map ("unknown key", one per key).
 */
export function section(what: string) {
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
export const text = z
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
export const platformId = z.preprocess((value) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value), text);

export const bool = z.boolean({ error: expecting('true or false') });

const POSITIVE_NUMBER = 'expected a positive number';
export const positiveNumber = z.number({ error: expecting('a positive number') }).positive(POSITIVE_NUMBER);

export const nonNegativeNumber = z.number({ error: expecting('a number of 0 or more') }).min(0, 'expected a number of 0 or more');

const WHOLE_POSITIVE = 'expected a whole number of 1 or more';
export const positiveInt = z
  .number({ error: expecting('a whole number of 1 or more') })
  .int(WHOLE_POSITIVE)
  .min(1, WHOLE_POSITIVE);

const PIN_DECIMALS = 'expected a whole number from 1 to 6 (3 keeps about 100 m)';
export const pinDecimals = z
  .number({ error: expecting('a whole number from 1 to 6') })
  .int(PIN_DECIMALS)
  .min(1, PIN_DECIMALS)
  .max(6, PIN_DECIMALS);
const PORT = 'expected a whole number from 1 to 65535';
export const port = z
  .number({ error: expecting('a whole number from 1 to 65535') })
  .int(PORT)
  .min(1, PORT)
  .max(65535, PORT);

const METRICS_TOKEN = 'expected at least 32 letters, digits, "_" or "-" (e.g. from `openssl rand -hex 32`)';
/** A bearer token for /health and /metrics: long and plain enough to paste into a monitor's header. */
export const metricsToken = z.string({ error: expecting('text') }).regex(/^[A-Za-z0-9_-]{32,}$/, METRICS_TOKEN);

const PUBLIC_URL = 'expected the address people open the bot at, e.g. "https://centinela.example.org" (http or https, no path)';
/**
 * `http.publicUrl`: where browsers reach the bot (dashboard sign-in links are built on it). An
 * origin only, trailing slash dropped: the dashboard lives at `/dashboard` under it.
 */
export const publicUrl = z
  .string({ error: expecting('text') })
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.pathname === '/' && !u.search && !u.hash && !u.username;
    } catch {
      return false;
    }
  }, PUBLIC_URL)
  .transform((s) => s.replace(/\/+$/, ''));

const AGE_RECIPIENT = 'expected an age public key (age1…), e.g. from `age-keygen -y backup-key.txt`';
/** An age recipient: `age1` and bech32 characters (post-quantum keys are longer); the age library checks it fully. */
export const ageRecipient = z.string({ error: expecting('an age public key (age1…)') }).regex(/^age1[0-9a-z]{58,}$/, AGE_RECIPIENT);

export const languageList = SUPPORTED_LANGUAGES.join(', ');

export const LangSchema = z.enum(SUPPORTED_LANGUAGES, {
  error: (iss) => (isMissing(iss) ? 'required' : `unsupported language ${describeValue(iss.input)} (supported: ${languageList})`),
});

export const PlatformSchema = z.enum(PLATFORMS, {
  error: (iss) => (isMissing(iss) ? 'required' : `unknown platform ${describeValue(iss.input)} (expected one of: ${PLATFORMS.join(', ')})`),
});

export const timezone = text.refine((tz) => IANAZone.isValidZone(tz), {
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
// Hours of the week (staffed hours, recurring shifts)

const CLOCK = 'expected a time of day "HH:MM" (24-hour clock), e.g. "06:00"';
/** A time of day as "HH:MM" on a 24-hour clock ("24:00" is the end of the day). */
export const clockTime = z
  .string({ error: expecting('a time of day "HH:MM", e.g. "06:00" (in quotes)') })
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, CLOCK);

export const WeekdaySchema = z.enum(WEEKDAYS, {
  error: (iss) => (isMissing(iss) ? 'required' : `unknown day ${describeValue(iss.input)} (expected one of: ${WEEKDAYS.join(', ')})`),
});

/**
 * Hours on some days of the week, in the network's time zone: `{ days: [mon, tue], from: "06:00",
 * to: "18:00" }`. A `to` at or before `from` runs past midnight into the next day.
 */
export const WeeklyHoursSchema = z.strictObject(
  {
    days: z.array(WeekdaySchema, { error: expecting('a list of days, e.g. [mon, tue, wed]') }).min(1, 'expected at least one day'),
    from: clockTime,
    to: clockTime,
  },
  { error: section('{ days: [mon, ...], from: "06:00", to: "18:00" }') },
);

// ---------------------------------------------------------------------------------------------
// Gazetteer: the map extracts and the network's own places that turn words into a point

/** A place the map lacks ("la tiendita de Don Pepe"): its name, other names, and where it is. */
export const PlaceSchema = z.strictObject(
  {
    name: text,
    aliases: z.array(text, { error: expecting('a list of other names') }).default(() => []),
    at: LatLngSchema,
  },
  { error: section('a place, e.g. { name: Tiendita Don Pepe, aliases: [la tiendita], at: [34.04, -118.21] }') },
);

/** Map extracts (.osm.pbf, .osm, .geojson) to import, relative to the working directory or absolute. */
export const GazetteerSchema = z.strictObject(
  {
    sources: z
      .array(text, { error: expecting('a list of map files, e.g. [./maps/county.osm.pbf]') })
      .default(() => [...GAZETTEER_DEFAULTS.sources]),
  },
  { error: section('{ sources }') },
);
