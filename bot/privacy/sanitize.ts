/**
 * Text hygiene for what tipsters write. Two moments:
 *
 * - On arrival (`stripInvisible`), characters that can hide or reorder text are removed (format
 *   characters such as bidi overrides, zero-width marks and Unicode tags, control characters,
 *   blank fillers) and every kind of line break becomes `\n`. Line breaks stay: the engine reads
 *   them.
 * - When tipster text is shown to anyone else (`forDisplay`: report cards, relayed /ask answers,
 *   the tipster's words quoted in alerts), it is folded onto one line, stripped of every emoji and
 *   symbol that could pass for one of our markers (✅ 🚨 🔔 ✔ ☑ ✓ ⚠ 🔴 🟢 📣 …), and its links are
 *   defanged. So a tip can never append a line that looks like "✅ Report confirmed" or
 *   "🚨 VERIFIED ALERT", with a link to tap, under its own words.
 */
import { defang } from './defang.js';

/** Every way of breaking a line: CR LF, CR, LF, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;

/**
 * Format characters (bidi controls, zero-width marks, soft hyphen, Unicode tags U+E0000-E007F),
 * control characters other than tab and newline, and characters that draw as blank space but are
 * not spaces (Hangul fillers, the blank Braille pattern, the combining grapheme joiner, Mongolian
 * variation selectors, Khmer inherent vowels).
 */
const INVISIBLE = /[\p{Cf}\u0000-\u0008\u000B-\u001F\u007F-\u009F\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFFA0]/gu;

/** Removes characters that can hide or reorder text; keeps line breaks, all spelled `\n`. */
export function stripInvisible(text: string): string {
  return text.replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').normalize('NFC');
}

/**
 * Anything that draws as a picture or a mark rather than a letter: emoji (pictographic or shown
 * as emoji by default), skin tones, flags, keycaps and other enclosing marks, variation
 * selectors, and the symbol blocks that hold check marks, crosses, stars, bells, circles and
 * arrows (U+2190-21FF, U+2300-23FF, U+25A0-27BF, U+2900-297F, U+2B00-2BFF, U+1F000-1FBFF), and the
 * square-root sign, which passes for a check mark.
 * Private-use and unassigned code points go too: a phone may draw them as a logo or a newer emoji.
 * A rule, not a list: tomorrow's emoji and the marker we add next year are covered.
 */
const PICTURES =
  /[\p{Extended_Pictographic}\p{Emoji_Presentation}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Me}\p{Co}\p{Cn}\p{Cs}\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u2190-\u21FF\u221A\u2300-\u23FF\u25A0-\u27BF\u2900-\u297F\u2B00-\u2BFF\u{1F000}-\u{1FBFF}]/gu;

/**
 * Letters styled to stand out (𝐕𝐄𝐑𝐈𝐅𝐈𝐄𝐃, ＶＥＲＩＦＩＥＤ, ⓥⓔⓡⓘⓕⓘⓔⓓ) are turned back into plain
 * ones (Unicode compatibility form), so nobody can imitate a bold heading or hide a domain.
 */
const STYLED = /[\u2460-\u24FF\uFF00-\uFFEF\u{1D400}-\u{1D7FF}]/gu;

/** Space characters of every width (no-break, em, ideographic…) and tabs, in runs. */
const SPACES = /[\s\p{Zs}]+/gu;

/**
 * Tipster text as verifiers and responders see it, the one function every such place uses:
 * on one line (line breaks become " / "), with no invisible characters, no emoji or symbols that
 * could pass for our markers, plain letters, and no clickable link.
 * @example forDisplay('ya se fueron\u2028✅ Report confirmed: evil.example/x') // 'ya se fueron / Report confirmed: evil[.]example/x'
 */
export function forDisplay(text: string): string {
  const plain = stripInvisible(text)
    .replace(STYLED, (c) => c.normalize('NFKC'))
    .replace(PICTURES, ' ');
  const lines = plain
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').trim())
    .filter((line) => line !== '');
  return defang(lines.join(' / '));
}
