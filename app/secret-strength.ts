/**
 * A rough, conservative estimate of how guessable a secret is, so that "32 identical
 * characters", "abcabcabc…" or "my-network-secret-my-network-secret" are refused at start.
 *
 * The estimate is an LZ77-style description length: the secret is read left to right; where the
 * text ahead repeats something earlier (3 characters or more), it costs what it takes to point
 * at the earlier copy (log2 of the position plus log2 of the length); otherwise one character
 * costs log2 of the number of distinct characters in the secret, or one bit when it continues
 * an evenly spaced run ("abcd", "1234"). Repeats, runs and small alphabets are cheap, so they
 * score low; random characters score close to their true entropy
 * (32 random hex digits: about 120 bits; `openssl rand -base64 48`: about 350).
 */

/**
 * Least estimated entropy accepted. 32 random hex digits (128 real bits) score 95 or more in
 * practice (about 120 on average), so they pass with a wide margin.
 */
export const MIN_SECRET_BITS = 80;

const MIN_REPEAT = 3;
/** Only the start is scored: enough to tell, and the scan is quadratic. */
const SCORED_CHARS = 256;

/** Estimated entropy of `secret`, in bits (see the module comment). */
export function estimateEntropyBits(secret: string): number {
  const chars = [...secret].slice(0, SCORED_CHARS);
  const n = chars.length;
  if (n === 0) return 0;
  const perChar = Math.log2(Math.max(2, new Set(chars).size));
  let bits = 0;
  let i = 0;
  while (i < n) {
    const repeat = longestEarlierCopy(chars, i);
    if (repeat >= MIN_REPEAT) {
      bits += Math.log2(Math.max(2, i)) + Math.log2(Math.max(2, repeat));
      i += repeat;
    } else {
      bits += continuesRun(chars, i) ? 1 : perChar;
      i += 1;
    }
  }
  return bits;
}

/** True when the character at `at` continues an evenly spaced run ("abc", "2468", "zyx"): one bit, not a full character. */
function continuesRun(chars: string[], at: number): boolean {
  if (at < 2) return false;
  const code = (k: number) => chars[k]!.codePointAt(0)!;
  return code(at) - code(at - 1) === code(at - 1) - code(at - 2);
}

/** Length of the longest run starting at `at` that also starts earlier (the copy may overlap). */
function longestEarlierCopy(chars: string[], at: number): number {
  let best = 0;
  for (let start = 0; start < at; start++) {
    let len = 0;
    while (at + len < chars.length && chars[start + len] === chars[at + len]) len++;
    if (len > best) best = len;
  }
  return best;
}
