/**
 * Finds words a tipster typed that reappear verbatim in an alert: any run of `n` consecutive
 * words (case and accents folded, punctuation ignored). Alerts are built from parsed facts only,
 * so no such run should ever appear.
 */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The first run of `n` words from one of `typed` found in `alert`, or undefined. */
export function verbatimRun(alert: string, typed: readonly string[], n = 4): string | undefined {
  const out = ` ${words(alert).join(' ')} `;
  for (const text of typed) {
    const w = words(text);
    for (let i = 0; i + n <= w.length; i++) {
      const run = w.slice(i, i + n).join(' ');
      if (out.includes(` ${run} `)) return run;
    }
  }
  return undefined;
}
