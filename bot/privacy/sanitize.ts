/**
 * Text hygiene for what tipsters write. Invisible characters that can reorder or hide text
 * (bidi overrides, zero-width marks) are removed on arrival; when tipster text is shown to
 * verifiers or responders, links are defanged (never clickable, never previewed) and the
 * markers our own alerts start with are taken out, so a tip cannot pass itself off as an alert.
 */

// Bidi embeddings/overrides/isolates, LRM/RLM/ALM, zero-width space/joiners, word joiner, BOM,
// and C0/C1 controls other than tab and newline.
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B-\u200D\u2060\uFEFF\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Removes characters that can hide or reorder text; keeps line breaks. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\r\n?/g, '\n').normalize('NFC');
}

/** The emoji our alerts, updates and cards begin with. */
const MARKERS = /[\u{1F6A8}\u{1F7E2}\u{1F4E3}\u{231B}\u{1F195}\u{2705}\u{274C}]\uFE0F?/gu;

const URL = /\b((?:https?|ftp):\/\/|www\.)([^\s<>"']+)/gi;

/**
 * Makes a URL unclickable and unpreviewable: `https://evil.example/x` -> `hxxps://evil[.]example/x`.
 */
export function defang(text: string): string {
  return text.replace(URL, (_m, scheme: string, rest: string) => {
    const s = scheme.toLowerCase().replace(/^http/, 'hxxp').replace(/^ftp/, 'fxp').replace(/^www\./, 'www[.]');
    const slash = rest.indexOf('/');
    const host = slash === -1 ? rest : rest.slice(0, slash);
    const path = slash === -1 ? '' : rest.slice(slash);
    return `${s}${host.replace(/\./g, '[.]')}${path}`;
  });
}

/** Tipster text as verifiers and responders see it: no live links, no alert markers. */
export function forDisplay(text: string): string {
  return defang(text).replace(MARKERS, '').replace(/ {2,}/g, ' ').trim();
}
