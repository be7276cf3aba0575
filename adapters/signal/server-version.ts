/**
 * The oldest signal-cli-rest-api Centinela works with. Replies go to a tipster's account UUID
 * (most hide their number), and the server sends to a UUID only since 0.85; an older server
 * takes it for a username and every reply fails.
 */

export const MIN_SERVER_VERSION = '0.85';

/** `0.100` -> [0, 100]; undefined for a build without a release number (`dev`, `unknown`). */
function parts(version: string): number[] | undefined {
  const m = /^v?(\d+(?:\.\d+)*)/.exec(version.trim());
  return m?.[1]?.split('.').map(Number);
}

/**
 * Why the server's version (from `/v1/about`) is too old, or undefined when it is new enough or
 * does not say (a local build reports no release number: it is given the benefit of the doubt).
 * @example versionProblem('0.80') // 'signal-cli-rest-api 0.80 is too old; …'
 * @example versionProblem('0.100') // undefined
 */
export function versionProblem(version: string | undefined): string | undefined {
  if (version === undefined) return undefined;
  const have = parts(version);
  const need = parts(MIN_SERVER_VERSION) ?? [];
  if (!have) return undefined;
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a > b) return undefined;
    if (a < b) {
      const shown = have.join('.');
      return `signal-cli-rest-api ${shown} is too old; Centinela needs ${MIN_SERVER_VERSION} or newer (it cannot send to account UUIDs)`;
    }
  }
  return undefined;
}
