/**
 * The SALUTE template rapid response networks teach: "S - 5 agents / A - ... / L - ... / U - ...
 * / T - ... / E - ...", also "Size:", "Tamaño:", "Lugar:", one label per line or separated by
 * "/". Such a message is read field by field by its labels.
 */
import { fold } from './normalize.js';
import { vocabularies } from './vocab/index.js';

export type SaluteField = 'size' | 'activity' | 'location' | 'uniform' | 'time' | 'equipment';

const LABELS = new Map<string, SaluteField>();
for (const v of vocabularies()) {
  for (const [field, words] of Object.entries(v.saluteLabels) as Array<[SaluteField, string[]]>)
    for (const w of words) LABELS.set(w, field);
}
const LABEL_ALTERNATION = [...LABELS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');
/** A label and its separator at the start of a segment: "S -", "Size:", "tamaño =". Single letters need "-" or ":". */
const LABELLED = new RegExp(`^\\s*(${LABEL_ALTERNATION})\\s*([-:=.)])\\s*`);
/** Segments: lines, or " / " between labelled parts. */
const SEGMENT_BREAK = /\n|\s\/\s|\/(?=\s*[a-z]{1,12}\s*[-:=])/;

/**
 * The fields of a SALUTE-template message, as the tipster's words per field, or undefined when
 * the message is not in the template (fewer than two different labels). Text after a segment
 * with no label belongs to the field before it.
 */
export function parseTemplate(text: string): Partial<Record<SaluteField, string>> | undefined {
  if (text.length > 5000) return undefined;
  const segments = text.split(SEGMENT_BREAK);
  if (segments.length < 2) return undefined;
  const out: Partial<Record<SaluteField, string>> = {};
  let current: SaluteField | undefined;
  let labels = 0;
  for (const segment of segments) {
    const m = LABELLED.exec(fold(segment));
    const word = m?.[1]?.replace(/\s+/g, ' ');
    const field = word !== undefined ? LABELS.get(word) : undefined;
    if (m && field && (word!.length > 1 || m[2] === '-' || m[2] === ':')) {
      current = field;
      labels++;
      const value = segment.slice(m[0].length).trim();
      out[field] = out[field] ? `${out[field]}, ${value}` : value;
    } else if (current && segment.trim()) {
      out[current] = `${out[current]} ${segment.trim()}`.trim();
    }
  }
  return labels >= 2 && Object.keys(out).length >= 2 ? out : undefined;
}
