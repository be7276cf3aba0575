/**
 * The ids of a tipster's last messages, kept in their session row: a direct message the
 * conversation engine handles is recognised as a redelivery from the row it rewrites anyway,
 * so it needs no `inbox` row of its own (a page written per message). Messages handled any
 * other way (group chats, verifier commands, messages with files, a conversation that ends)
 * still get their inbox rows, and a miss here is checked there too.
 *
 * The list is a string of message keys (pseudonyms of platform message ids, see
 * Runtime.messageKey) separated by spaces, oldest first. Keys are base64url, without spaces, so
 * a substring match is a whole-key match.
 */

/**
 * How many ids a session keeps. A platform redelivers what it sent around a crash (a batch of
 * updates at most); one tipster rarely has more than a few messages in it. Sixteen leaves room.
 */
export const SEEN_MESSAGES = 16;

/** Whether `key` is among the ids in `seen`. */
export function hasSeen(seen: string, key: string): boolean {
  if (key.length === 0 || key.includes(' ')) return false;
  const at = seen.indexOf(key);
  if (at < 0) return false;
  const end = at + key.length;
  return (at === 0 || seen[at - 1] === ' ') && (end === seen.length || seen[end] === ' ');
}

/** `seen` with `key` added as the newest, keeping the last `limit` ids. */
export function withSeen(seen: string, key: string, limit = SEEN_MESSAGES): string {
  const keys = seen.length === 0 ? [] : seen.split(' ');
  keys.push(key);
  return keys.slice(-limit).join(' ');
}

/** The ids in `seen`, oldest first. */
export function seenKeys(seen: string): string[] {
  return seen.length === 0 ? [] : seen.split(' ');
}
