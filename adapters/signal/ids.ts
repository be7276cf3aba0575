/**
 * Signal identifiers as signal-cli-rest-api spells them, and conversions between them.
 *
 * - A person is an ACI UUID (`sourceUuid`); the phone number is often hidden (`sourceNumber: null`).
 * - A group has two spellings: signal-cli's raw id (base64 of 32 bytes, what received envelopes
 *   carry in `groupInfo.groupId` and what `GET /v1/groups` calls `internal_id`) and the REST
 *   form `group.<base64 of the raw id's text>` (what `POST /v2/send` and every group endpoint
 *   take, and what `GET /v1/groups` calls `id`). Centinela uses the `group.` form everywhere.
 * - A message is identified by its author plus its timestamp (ms); we write `${author}:${timestamp}`.
 */

const GROUP_PREFIX = 'group.';
const GROUP_ID_BYTES = 32;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const E164 = /^\+[1-9]\d{6,14}$/;

/** Decodes strict standard base64 (padded), or undefined. */
function decodeBase64(s: string): Buffer | undefined {
  if (s === '' || !BASE64.test(s)) return undefined;
  return Buffer.from(s, 'base64');
}

/** True for signal-cli's raw group id: standard base64 of exactly 32 bytes (44 chars, ends in `=`). */
export function isRawGroupId(s: string): boolean {
  return decodeBase64(s)?.byteLength === GROUP_ID_BYTES;
}

/**
 * Raw group id (from an envelope's `groupInfo.groupId`) to the `group.` form used for sending.
 * @example toSendGroupId('mHN1kiXgMXpKz5Ah2l110NLQHzIrYaFuC3c3mzpSoaE=') // 'group.bUhOMWtp…'
 */
export function toSendGroupId(rawId: string): string {
  return GROUP_PREFIX + Buffer.from(rawId, 'utf8').toString('base64');
}

/** The `group.` form back to signal-cli's raw id; undefined if it is not a valid group id. */
export function toRawGroupId(sendId: string): string | undefined {
  if (!sendId.startsWith(GROUP_PREFIX)) return undefined;
  const outer = decodeBase64(sendId.slice(GROUP_PREFIX.length));
  if (!outer) return undefined;
  const raw = outer.toString('utf8');
  return isRawGroupId(raw) ? raw : undefined;
}

/** True for a valid `group.<base64(base64(32 bytes))>` id, as the REST server checks it. */
export function isSendGroupId(s: string): boolean {
  return toRawGroupId(s) !== undefined;
}

/**
 * Accepts a group id in either form (as an admin may paste it into config) and returns the
 * `group.` form, or undefined when it is neither.
 */
export function normalizeGroupId(id: string): string | undefined {
  const trimmed = id.trim();
  if (isSendGroupId(trimmed)) return trimmed;
  if (isRawGroupId(trimmed)) return toSendGroupId(trimmed);
  return undefined;
}

/** True for a Signal ACI/service UUID (any case). */
export function isSignalUuid(s: string): boolean {
  return UUID.test(s);
}

/** True for an E.164 phone number such as `+15550100`. */
export function isE164(s: string): boolean {
  return E164.test(s);
}

/**
 * Normalizes a chat id from config or from the rest of the system: groups to the `group.` form,
 * UUIDs to lower case, numbers unchanged. Undefined when it is none of these.
 */
export function normalizeSignalChatId(id: string): { id: string; kind: 'direct' | 'group' } | undefined {
  const trimmed = id.trim();
  const group = normalizeGroupId(trimmed);
  if (group !== undefined) return { id: group, kind: 'group' };
  if (isSignalUuid(trimmed)) return { id: trimmed.toLowerCase(), kind: 'direct' };
  if (isE164(trimmed)) return { id: trimmed, kind: 'direct' };
  return undefined;
}

/** Builds a Signal message id: author (UUID or the bot's number) and the message timestamp. */
export function formatMessageId(author: string, timestamp: number): string {
  return `${author}:${timestamp}`;
}

/** Splits `${author}:${timestamp}` back; undefined when malformed. */
export function parseMessageId(id: string): { author: string; timestamp: number } | undefined {
  const at = id.lastIndexOf(':');
  if (at <= 0) return undefined;
  const author = id.slice(0, at);
  const tsText = id.slice(at + 1);
  if (!/^\d{1,16}$/.test(tsText)) return undefined;
  const timestamp = Number(tsText);
  if (!Number.isSafeInteger(timestamp) || timestamp <= 0) return undefined;
  if (!isSignalUuid(author) && !isE164(author)) return undefined;
  return { author, timestamp };
}
