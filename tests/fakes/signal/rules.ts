/**
 * What the fake signal-cli-rest-api checks, as the real one does: the `POST /v2/send` body checks
 * in the real order and with the real messages (api.go SendV2, client.go SendV2 and
 * getRecipientType), the receive query parameters, plus the few signal-cli errors a wrong
 * account or group produces. The texts of the last checks (unknown username, nothing to
 * send) are approximations of signal-cli's; code should not depend on them.
 */
import type { IncomingMessage } from 'node:http';

/** The send body fields the fake looks at. */
export interface SendBodyLike {
  number?: string;
  recipients?: string[];
  recipient?: string;
  message?: string;
  text_mode?: string;
  base64_attachments?: string[];
  quote_timestamp?: number;
  quote_author?: string;
  sticker?: string;
  view_once?: boolean;
  [key: string]: unknown;
}

export interface SendContext {
  accounts: readonly string[];
  /** Raw (internal) ids of the groups the account is in. */
  groupIds: readonly string[];
  jsonRpc: boolean;
}

const INVALID = "Couldn't process request - invalid request";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+[\d ]+$/;
const STD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

type Kind = 'group' | 'number' | 'username';

function decode(s: string): Buffer | undefined {
  return STD_BASE64.test(s) ? Buffer.from(s, 'base64') : undefined;
}

/** getRecipientType: `group.` + base64(base64(32 bytes)) is a group; `+digits` or a UUID a number; else a username. */
function recipientType(s: string): { kind: Kind; rawGroup?: string } | { error: string } {
  if (s.startsWith('group.')) {
    const rest = s.slice('group.'.length);
    const outer = rest === '' ? undefined : decode(rest);
    if (outer) {
      const inner = decode(outer.toString('utf8'));
      if (inner) {
        if (inner.byteLength === 32) return { kind: 'group', rawGroup: outer.toString('utf8') };
        return { error: `Invalid Signal group size (${inner.byteLength}` };
      }
    } else if (rest.length <= 10) return { kind: 'username' };
    return { error: `Invalid identifier ${s}` };
  }
  if (PHONE.test(s) || UUID.test(s)) return { kind: 'number' };
  return { kind: 'username' };
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** What gin's BindJSON refuses: fields of the wrong JSON type. */
function typesOk(o: Record<string, unknown>): boolean {
  const str = ['number', 'recipient', 'message', 'text_mode', 'quote_author', 'quote_message', 'sticker'];
  if (str.some((k) => o[k] !== undefined && o[k] !== null && typeof o[k] !== 'string')) return false;
  const ints = ['quote_timestamp', 'edit_timestamp'];
  if (ints.some((k) => o[k] !== undefined && o[k] !== null && !Number.isInteger(o[k]))) return false;
  for (const k of ['recipients', 'base64_attachments']) {
    if (o[k] !== undefined && o[k] !== null && !isStringArray(o[k])) return false;
  }
  return true;
}

/** An attachment as the server parses it: raw base64, or `data:<mime>[;filename=<n>];base64,<data>`. */
function attachmentOk(a: string): boolean {
  if (a.startsWith('data:')) {
    const at = a.lastIndexOf('base64,');
    return at > 0 && decode(a.slice(at + 'base64,'.length)) !== undefined;
  }
  return decode(a) !== undefined;
}

/** Validates a parsed `/v2/send` body; returns the error text the real server would answer with 400. */
export function validateSend(body: unknown, ctx: SendContext): { ok: true; body: SendBodyLike } | { ok: false; error: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, error: INVALID };
  const o = body as Record<string, unknown>;
  if (!typesOk(o)) return { ok: false, error: INVALID };
  const b = o as SendBodyLike;
  const recipients = [...(b.recipients ?? [])];
  if (b.recipient) recipients.push(b.recipient);
  if (recipients.length === 0) return { ok: false, error: "Couldn't process request - please provide at least one recipient" };
  if (!b.number) return { ok: false, error: "Couldn't process request - please provide a valid number" };
  if (b.sticker && !b.sticker.includes(':'))
    return { ok: false, error: "Couldn't process request - please provide valid sticker delimiter" };
  if (b.view_once === true && (b.base64_attachments ?? []).length === 0) {
    return { ok: false, error: "'view_once' can only be set for image attachments!" };
  }

  const kinds: Kind[] = [];
  const groups: string[] = [];
  for (const r of recipients) {
    const t = recipientType(r);
    if ('error' in t) return { ok: false, error: t.error };
    kinds.push(t.kind);
    if (t.rawGroup !== undefined) groups.push(t.rawGroup);
  }
  const has = (k: Kind): boolean => kinds.includes(k);
  if (has('number') && has('group')) {
    return {
      ok: false,
      error:
        'Signal Messenger Groups and phone numbers cannot be specified together in one request! Please split them up into multiple REST API calls.',
    };
  }
  if (has('username') && has('group')) {
    return {
      ok: false,
      error:
        'Signal Messenger Groups and usernames cannot be specified together in one request! Please split them up into multiple REST API calls.',
    };
  }
  if (has('number') && has('username')) {
    return {
      ok: false,
      error:
        'Signal Messenger phone numbers and usernames cannot be specified together in one request! Please split them up into multiple REST API calls.',
    };
  }
  if (groups.length > 1) {
    return {
      ok: false,
      error: 'A signal message cannot be sent to more than one group at once! Please use multiple REST API calls for that.',
    };
  }

  // From here on signal-cli itself answers.
  if (!ctx.accounts.includes(b.number)) {
    return { ok: false, error: ctx.jsonRpc ? 'Specified account does not exist' : `User ${b.number} is not registered.\n` };
  }
  for (const a of b.base64_attachments ?? []) {
    if (!attachmentOk(a)) return { ok: false, error: 'illegal base64 data at input byte 0' };
  }
  const group = groups[0];
  if (group !== undefined && !ctx.groupIds.includes(group)) {
    return { ok: false, error: `Failed to send to group: Group not found: ${group}` };
  }
  if (has('username')) return { ok: false, error: 'Failed to send message: Username not found\n' };
  if ((b.message ?? '') === '' && (b.base64_attachments ?? []).length === 0 && !b.sticker) {
    return { ok: false, error: 'Failed to send message: no message, attachment or sticker given\n' };
  }
  return { ok: true, body: b };
}

/** The receive query parameters the real server checks in normal/native mode. */
export function receiveParamsProblem(q: URLSearchParams): string | undefined {
  for (const [name, label] of [
    ['timeout', 'timeout'],
    ['max_messages', 'max_messages'],
  ] as const) {
    const v = q.get(name);
    if (v !== null && !/^-?\d+$/.test(v)) return `Couldn't process request - ${label} needs to be numeric!`;
  }
  for (const name of ['ignore_attachments', 'ignore_stories', 'ignore_avatars', 'ignore_stickers', 'send_read_receipts']) {
    const v = q.get(name);
    if (v !== null && v !== 'true' && v !== 'false')
      return `Couldn't process request - ${name} parameter needs to be either 'true' or 'false'`;
  }
  return undefined;
}

/** Reads a request body as text. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
