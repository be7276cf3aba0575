/**
 * The `platforms.signal` section of the config file, validated with zod. Error messages are for
 * the network's admin (`platforms.signal.url: expected an http(s) URL`) and never echo values,
 * so a mistyped phone number does not end up in a log.
 *
 * @example
 * platforms:
 *   signal:
 *     url: http://signal-api:8080
 *     number: "+15550100"
 *     receive: poll        # the default (server MODE=native or normal); websocket needs MODE=json-rpc
 */
import { z } from 'zod';
import { isE164 } from './ids.js';

/**
 * `poll` is the default because it loses nothing while Centinela is down: messages wait on
 * Signal's servers until a `GET /v1/receive` takes them. In json-rpc mode (`websocket`) the
 * server drops whatever arrives while no WebSocket is connected (upstream issue #834).
 *
 * Each receive call waits at most `pollTimeoutSeconds` for the next message (signal-cli's
 * `receive -t`, an idle timeout that starts again after each message) and takes at most
 * `pollMaxMessages`: a call under way when Centinela is killed (SIGKILL) takes that many
 * messages at most with it. One per call answers each message at once (a call waiting for a
 * second message would hold the first, and every reply, since signal-cli locks the account) and
 * bounds a SIGKILL's cost to one message; more per call drain a backlog with fewer calls.
 * A short timeout keeps sends that are not replies (alerts, reminders) from waiting long for
 * the lock.
 */
export const SIGNAL_DEFAULTS = {
  receive: 'poll',
  pollIntervalMs: 0,
  pollTimeoutSeconds: 1,
  pollMaxMessages: 1,
  maxAttachmentBytes: 20 * 1024 * 1024,
  reconnect: { initialMs: 100, maxMs: 30_000 },
} as const;

/** How the adapter receives: a WebSocket (server in json-rpc mode) or polling (normal/native mode). */
export type SignalReceiveMode = 'websocket' | 'poll';

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** Error map: "required" when the key is absent, else "expected <what>". */
const expecting =
  (what: string) =>
  (iss: { input?: unknown }): string =>
    iss.input === undefined ? 'required' : `expected ${what}`;

const positiveInt = (what: string) =>
  z
    .number({ error: expecting(what) })
    .int({ error: `expected ${what}` })
    .positive({ error: `expected ${what}` });

const nonNegativeInt = (what: string) =>
  z
    .number({ error: expecting(what) })
    .int({ error: `expected ${what}` })
    .nonnegative({ error: `expected ${what}` });

const boundedInt = (what: string, max: number) => positiveInt(what).max(max, { error: `expected ${what}` });

const ReconnectSchema = z
  .strictObject(
    {
      initialMs: positiveInt('a positive number of milliseconds, e.g. 100').default(SIGNAL_DEFAULTS.reconnect.initialMs),
      maxMs: positiveInt('a positive number of milliseconds, e.g. 30000').default(SIGNAL_DEFAULTS.reconnect.maxMs),
    },
    { error: expecting('{ initialMs, maxMs }') },
  )
  .refine((r) => r.maxMs >= r.initialMs, { error: 'maxMs must not be smaller than initialMs', path: ['maxMs'] });

export const SignalConfigSchema = z.strictObject(
  {
    enabled: z.boolean({ error: expecting('true or false') }).default(true),
    url: z
      .string({ error: expecting('an http(s) URL, e.g. http://signal-api:8080') })
      .refine(isHttpUrl, { error: 'expected an http(s) URL, e.g. http://signal-api:8080' }),
    number: z
      .string({ error: expecting('the bot\'s number in international format, e.g. "+15550100" (quoted)') })
      .refine(isE164, { error: 'expected the bot\'s number in international format, e.g. "+15550100"' }),
    receive: z
      .enum(['websocket', 'poll'], { error: expecting('"poll" (server MODE=native or normal) or "websocket" (MODE=json-rpc)') })
      .default(SIGNAL_DEFAULTS.receive),
    pollIntervalMs: nonNegativeInt('a number of milliseconds, 0 or more, e.g. 0').default(SIGNAL_DEFAULTS.pollIntervalMs),
    pollTimeoutSeconds: boundedInt('a whole number of seconds from 1 to 30, e.g. 1', 30).default(SIGNAL_DEFAULTS.pollTimeoutSeconds),
    pollMaxMessages: boundedInt('a whole number from 1 to 100, e.g. 1', 100).default(SIGNAL_DEFAULTS.pollMaxMessages),
    maxAttachmentBytes: positiveInt('a positive number of bytes, e.g. 20971520').default(SIGNAL_DEFAULTS.maxAttachmentBytes),
    reconnect: ReconnectSchema.default({ ...SIGNAL_DEFAULTS.reconnect }),
  },
  { error: expecting('a section with url, number and receive') },
);

/** The validated Signal settings, with defaults filled in. */
export type SignalConfig = z.output<typeof SignalConfigSchema>;

/**
 * Validates `platforms.signal`. Never throws: on failure returns every problem, each prefixed
 * with its path, e.g. `platforms.signal.receive: expected "websocket" ... or "poll" ...`.
 */
export function parseSignalConfig(raw: unknown): { ok: true; config: SignalConfig } | { ok: false; errors: string[] } {
  const result = SignalConfigSchema.safeParse(raw);
  if (result.success) return { ok: true, config: result.data };
  const errors = result.error.issues.flatMap((iss) => {
    const base = ['platforms', 'signal', ...iss.path.map(String)].join('.');
    if (iss.code === 'unrecognized_keys') return iss.keys.map((k) => `${base}.${k}: unknown key`);
    return [`${base}: ${iss.message}`];
  });
  return { ok: false, errors };
}
