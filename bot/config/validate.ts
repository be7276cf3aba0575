/**
 * Validation: YAML text -> plain object -> zod schema + cross-field rules -> Config, with every
 * problem reported at once as `path: message` (array indexes in brackets, keys dot-separated).
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { isLoopbackHost } from '../loopback.js';
import { dispatchProblems } from './dispatch-checks.js';
import { asArray, asString, isRecord } from './loose-values.js';
import { PLATFORMS, type Platform } from '../messages.js';
import {
  ConfigSchema,
  INTAKE_DEFAULTS,
  OUTBOX_DEFAULTS,
  RETENTION_DEFAULTS,
  SUPPORTED_LANGUAGES,
  configErrorMap,
  type Config,
} from './schema.js';

export type ParseResult = { ok: true; config: Config } | { ok: false; errors: string[] };

type Path = readonly PropertyKey[];
interface Problem {
  path: Path;
  message: string;
}

/** Order of the top-level sections, used to list problems in the order the file is read. */
const SECTION_ORDER = Object.keys(ConfigSchema.shape);

const SIMPLE_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `['zones', 1, 'area', 'radiusMeters']` -> `zones[1].area.radiusMeters`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && SIMPLE_KEY.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out === '' ? '(top level)' : out;
}

const problemToString = (p: Problem): string => `${formatPath(p.path)}: ${p.message}`;

/**
 * YAML writes "nothing here" as null (`zones:` with no value, `name: ~`). Treat a null value in
 * a mapping as an absent key, so defaults apply and a missing required value reads "required".
 */
function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    // defineProperty keeps a `__proto__` key an ordinary (unknown) key instead of a prototype.
    Object.defineProperty(out, key, { value: dropNulls(v), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function zodProblems(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...issue.path, key], message: 'unknown key' });
    } else {
      out.push({ path: issue.path, message: issue.message });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cross-field rules. They read the raw (null-stripped) input defensively, so they run even when
// other fields failed, and skip anything the schema already reports (a bad platform name, ...).

const asPlatform = (value: unknown): Platform | undefined =>
  (PLATFORMS as readonly unknown[]).includes(value) ? (value as Platform) : undefined;
const asLang = (value: unknown): string | undefined =>
  (SUPPORTED_LANGUAGES as readonly unknown[]).includes(value) ? (value as string) : undefined;
const asNumber = (value: unknown, fallback: number): number | undefined =>
  value === undefined ? fallback : typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/**
 * Which platforms are switched on: `true`/`false`, or `undefined` when the section is malformed
 * (the schema reports that; we stay quiet rather than pile on).
 */
function enabledPlatforms(platforms: unknown): Partial<Record<Platform, boolean>> {
  if (platforms === undefined) return { simulator: false, signal: false, whatsapp: false, telegram: false };
  if (!isRecord(platforms)) return {};
  const out: Partial<Record<Platform, boolean>> = {};
  const sim = platforms.simulator;
  if (sim === undefined) out.simulator = false;
  else if (isRecord(sim) && typeof sim.enabled === 'boolean') out.simulator = sim.enabled;
  for (const p of ['signal', 'whatsapp', 'telegram'] as const) {
    const settings = platforms[p];
    if (settings === undefined) out[p] = false;
    else if (isRecord(settings) && (settings.enabled === undefined || typeof settings.enabled === 'boolean')) {
      out[p] = settings.enabled !== false;
    }
  }
  return out;
}

/**
 * The simulator has no login: whoever reaches its port can post tips as anyone, read every chat
 * and confirm reports as any verifier. So it only runs alone (no real platform whose verifier
 * and responder groups it could reach) and only on a loopback address.
 */
function simulatorProblems(enabled: Partial<Record<Platform, boolean>>, http: unknown): string[] {
  if (enabled.simulator !== true) return [];
  const problems: string[] = [];
  const real = (['signal', 'whatsapp', 'telegram'] as const).filter((p) => enabled[p] === true);
  if (real.length > 0) {
    const which = real.map((p) => `platforms.${p}`).join(', ');
    problems.push(
      `the simulator cannot run beside a real platform (${which} ${real.length === 1 ? 'is' : 'are'} on): it has no login, so anyone who reaches it could post tips to and confirm reports for the real network. Set platforms.simulator.enabled: false`,
    );
  }
  const host = isRecord(http) ? asString(http.host) : undefined;
  if (host !== undefined && !isLoopbackHost(host)) {
    problems.push(
      `the simulator only runs on this machine, but http.host is ${JSON.stringify(host)}: it has no login. Use http.host: 127.0.0.1, or set platforms.simulator.enabled: false`,
    );
  }
  return problems;
}

function crossCheck(raw: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Path, message: string): void => {
    problems.push({ path, message });
  };

  // network.languages: no duplicates
  const network = isRecord(raw.network) ? raw.network : undefined;
  const languages = asArray(network?.languages);
  const seenLangs = new Map<string, number>();
  languages?.forEach((lang, i) => {
    const l = asLang(lang);
    if (l === undefined) return;
    if (seenLangs.has(l)) add(['network', 'languages', i], `duplicate language ${JSON.stringify(l)}`);
    else seenLangs.set(l, i);
  });
  const networkLangs = languages === undefined ? undefined : [...seenLangs.keys()];

  // zones: unique ids
  const zones = asArray(raw.zones ?? []);
  const zoneIds = new Map<string, number>();
  zones?.forEach((zone, i) => {
    const id = isRecord(zone) ? asString(zone.id) : undefined;
    if (id === undefined) return;
    const first = zoneIds.get(id);
    if (first !== undefined) add(['zones', i, 'id'], `duplicate zone id ${JSON.stringify(id)} (also zones[${first}])`);
    else zoneIds.set(id, i);
  });

  const enabled = enabledPlatforms(raw.platforms);
  const checkPlatform = (path: Path, platform: Platform | undefined): void => {
    if (platform === undefined || enabled[platform] !== false) return;
    const realPlatformOn = enabled.signal === true || enabled.whatsapp === true || enabled.telegram === true;
    const how =
      platform !== 'simulator'
        ? `add a platforms.${platform} section, or remove its "enabled: false"`
        : realPlatformOn
          ? 'the simulator cannot run beside a real platform: use a chat or verifier on the real platform instead'
          : 'set platforms.simulator.enabled: true';
    add(path, `platform ${JSON.stringify(platform)} is not enabled (${how})`);
  };

  for (const problem of simulatorProblems(enabled, raw.http)) add(['platforms', 'simulator', 'enabled'], problem);

  // chats: enabled platform, language among network.languages, no chat listed twice
  const chats = isRecord(raw.chats) ? raw.chats : undefined;
  const seenChats = new Map<string, string>();
  for (const list of ['verifiers', 'responders'] as const) {
    asArray(chats?.[list])?.forEach((chat, i) => {
      if (!isRecord(chat)) return;
      const base = ['chats', list, i] as const;
      const platform = asPlatform(chat.platform);
      checkPlatform([...base, 'platform'], platform);

      const lang = asLang(chat.language);
      if (lang !== undefined && networkLangs !== undefined && !networkLangs.includes(lang)) {
        add([...base, 'language'], `language ${JSON.stringify(lang)} is not in network.languages (${networkLangs.join(', ') || 'none'})`);
      }

      const id = asString(chat.id);
      if (platform !== undefined && id !== undefined) {
        const key = `${platform}\u0000${id}`;
        const first = seenChats.get(key);
        if (first !== undefined) {
          add([...base, 'id'], `duplicate chat ${JSON.stringify(id)} on ${platform} (also ${first})`);
        } else {
          seenChats.set(key, formatPath(base));
        }
      }

      if (list === 'responders' && zones !== undefined) {
        asArray(chat.zones)?.forEach((zoneId, j) => {
          const zid = asString(zoneId);
          if (zid === undefined || zoneIds.has(zid)) return;
          const known = zoneIds.size > 0 ? `known: ${[...zoneIds.keys()].join(', ')}` : 'no zones are defined';
          add([...base, 'zones', j], `unknown zone ${JSON.stringify(zid)} (${known})`);
        });
      }
    });
  }

  // verifiers: enabled platform, no id listed twice (in either form: { platform, id } or { name, ids })
  const seenVerifiers = new Map<string, number>();
  asArray(raw.verifiers)?.forEach((verifier, i) => {
    if (!isRecord(verifier)) return;
    const entries = Array.isArray(verifier.ids)
      ? verifier.ids.map((entry, j) => ({ entry, path: ['verifiers', i, 'ids', j] as Path }))
      : [{ entry: verifier as unknown, path: ['verifiers', i] as Path }];
    for (const { entry, path } of entries) {
      if (!isRecord(entry)) continue;
      const platform = asPlatform(entry.platform);
      checkPlatform([...path, 'platform'], platform);
      const id = asString(entry.id);
      if (platform === undefined || id === undefined) continue;
      const key = `${platform}\u0000${id}`;
      const first = seenVerifiers.get(key);
      if (first !== undefined) {
        add([...path, 'id'], `duplicate verifier ${JSON.stringify(id)} on ${platform} (also verifiers[${first}])`);
      } else {
        seenVerifiers.set(key, i);
      }
    }
  });

  // fieldVerifiers and dispatch: zones exist, platforms enabled, on-call names enrolled
  dispatchProblems(raw, { zoneIds: new Set(zoneIds.keys()), checkPlatform, asPlatform, add });

  // intake: the reminder must come before the session expires
  const intake = raw.intake === undefined ? {} : isRecord(raw.intake) ? raw.intake : undefined;
  if (intake !== undefined) {
    const remind = asNumber(intake.remindAfterMinutes, INTAKE_DEFAULTS.remindAfterMinutes);
    const expire = asNumber(intake.expireAfterMinutes, INTAKE_DEFAULTS.expireAfterMinutes);
    if (remind !== undefined && expire !== undefined && remind > 0 && expire > 0 && remind >= expire) {
      add(['intake', 'remindAfterMinutes'], `must be less than intake.expireAfterMinutes (${expire}), or the reminder is never sent`);
    }
  }

  // retention: an unfinished report must get its own expiry (and submission) before the sweeper deletes it
  const retention = raw.retention === undefined ? {} : isRecord(raw.retention) ? raw.retention : undefined;
  if (retention !== undefined && intake !== undefined) {
    const draftHours = asNumber(retention.draftHours, RETENTION_DEFAULTS.draftHours);
    const expire = asNumber(intake.expireAfterMinutes, INTAKE_DEFAULTS.expireAfterMinutes);
    if (draftHours !== undefined && expire !== undefined && draftHours > 0 && expire > 0 && draftHours * 60 <= expire) {
      add(
        ['retention', 'draftHours'],
        `must be more than intake.expireAfterMinutes (${expire} minutes), or unfinished reports are deleted before they can be sent`,
      );
    }
  }

  // outbox: the first retry delay cannot exceed the cap
  const outbox = raw.outbox === undefined ? {} : isRecord(raw.outbox) ? raw.outbox : undefined;
  if (outbox !== undefined) {
    const base = asNumber(outbox.baseDelayMs, OUTBOX_DEFAULTS.baseDelayMs);
    const max = asNumber(outbox.maxDelayMs, OUTBOX_DEFAULTS.maxDelayMs);
    if (base !== undefined && max !== undefined && base > 0 && max > 0 && base > max) {
      add(['outbox', 'baseDelayMs'], `must not be more than outbox.maxDelayMs (${max})`);
    }
  }

  return problems;
}

// ---------------------------------------------------------------------------------------------

function sectionRank(p: Problem): number {
  const head = p.path[0];
  const i = typeof head === 'string' ? SECTION_ORDER.indexOf(head) : -1;
  return i === -1 ? SECTION_ORDER.length : i;
}

/** Validates an already-parsed object (what YAML gave us, or a literal in a test). */
export function parseConfig(raw: unknown): ParseResult {
  const data = dropNulls(raw);
  if (!isRecord(data)) {
    return {
      ok: false,
      errors: [
        `(top level): expected a section of key: value pairs (network, zones, chats, ...), got ${
          raw === null || raw === undefined ? 'nothing' : Array.isArray(raw) ? 'a list' : typeof raw
        }`,
      ],
    };
  }

  const result = ConfigSchema.safeParse(data, { error: configErrorMap });
  const problems = [...(result.success ? [] : zodProblems(result.error.issues)), ...crossCheck(data)];
  if (result.success && problems.length === 0) return { ok: true, config: result.data };

  // Stable sort: problems grouped by section in file order, schema problems before cross-field ones.
  const ranked = problems.map((p, i) => ({ p, i, rank: sectionRank(p) }));
  ranked.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const errors = [...new Set(ranked.map(({ p }) => problemToString(p)))];
  return { ok: false, errors };
}

/**
 * Parses and validates YAML text. Syntax errors are reported as `<fileName>:<line>:<col>: ...`;
 * `fileName` only labels them (default `centinela.yaml`). Duplicate keys are errors; anchors and
 * `<<:` merge keys work, so repeated chat settings can be shared.
 */
export function parseConfigText(yamlText: string, fileName = 'centinela.yaml'): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((err) => {
        const { line, col } = lineCounter.linePos(err.pos[0]);
        const message = err.message.split('\n')[0] ?? err.message;
        return `${fileName}:${line}:${col}: ${message}`;
      }),
    };
  }

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { ok: false, errors: [`${fileName}: ${err instanceof Error ? err.message : String(err)}`] };
  }
  if (raw === null || raw === undefined) {
    return {
      ok: false,
      errors: [`${fileName}: the file is empty (see bot/config/centinela.example.yaml for a starting point)`],
    };
  }
  return parseConfig(raw);
}

/** Validates a config that must be valid (the built-in demo); throws listing every problem. */
export function mustParseConfig(raw: unknown, label = 'config'): Config {
  const result = parseConfig(raw);
  if (!result.ok) throw new Error(`invalid ${label}:\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
  return result.config;
}

/**
 * Formats errors for humans, one per line (for stderr): a heading naming the file, then each
 * problem indented.
 */
export function formatConfigErrors(errors: string[], path?: string): string {
  const count = errors.length === 1 ? '1 problem' : `${errors.length} problems`;
  const heading = path === undefined ? `Configuration has ${count}:` : `Configuration file ${path} has ${count}:`;
  return [heading, ...errors.map((e) => `  ${e}`)].join('\n');
}
