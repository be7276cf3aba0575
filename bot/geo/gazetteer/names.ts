/**
 * How a street, place or neighbourhood name becomes a key that the way people write it also
 * reaches: accents and case folded, street types and directions dropped ("E Cesar Chavez Ave" and
 * "la cesar chavez" are both "cesar chavez"), ordinals written as numbers ("1st", "first",
 * "primera", "1ra" are all "1"), and a Spanish-aware sound key that hears "pasific", "florens" and
 * "hantinton" as "Pacific", "Florence" and "Huntington". Used by the import and by every lookup,
 * so both sides agree.
 */

/** Street-type words: dropped from a street's key (they are written, abbreviated or left out at will). */
export const STREET_TYPES = new Set(
  (
    'street st str calle c avenue ave av avda avenida blvd boulevard bulevar bulevard road rd camino drive dr lane ln way ' +
    'place pl court ct parkway pkwy highway hwy carretera freeway fwy autopista terrace ter circle cir alley aly calzada'
  ).split(' '),
);

/** Directions that lead or end a street name ("E 1st St", "Soto St N"). */
const DIRECTIONS = new Set('n s e w north south east west norte sur este oeste ne nw se sw'.split(' '));

/** Articles that come before a street or place in speech ("la Soto", "el Walmart", "the Home Depot"). */
export const ARTICLES = new Set('la las el los the lo al del'.split(' '));

const ORDINAL_WORDS: Record<string, string> = {};
for (const [n, words] of [
  ['1', 'first primera primero primer'],
  ['2', 'second segunda segundo'],
  ['3', 'third tercera tercero tercer'],
  ['4', 'fourth cuarta cuarto'],
  ['5', 'fifth quinta quinto'],
  ['6', 'sixth sexta sexto'],
  ['7', 'seventh septima septimo setima'],
  ['8', 'eighth octava octavo'],
  ['9', 'ninth novena noveno'],
  ['10', 'tenth decima decimo'],
] as const) {
  for (const w of words.split(' ')) ORDINAL_WORDS[w] = n;
}
const ORDINAL = /^(\d{1,4})(?:st|nd|rd|th|ra|da|ta|va|na|ro|do|to|vo|no|er|a|o|°|º)$/;

/** Lower case, no accents, "&" kept as a word, every other symbol a space. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' & ')
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}&°º]+/gu, ' ')
    .trim();
}

/** A word as a name key sees it: an ordinal as its number ("1st", "primera" -> "1"), else itself. */
export function canonicalWord(word: string): string {
  if (word === 'saint') return 'st'; // "Saint Louis St" is written "St Louis"
  const m = ORDINAL.exec(word);
  if (m) return String(Number(m[1]));
  return ORDINAL_WORDS[word] ?? word;
}

/**
 * The key of a name: folded, ordinals as numbers, street types and leading/trailing directions
 * and articles dropped. "East Cesar E Chavez Avenue" -> "cesar chavez"; "W 1st St" -> "1".
 * A name made only of such words keeps them ("Avenue 26" -> "26"; "East Street" -> "east").
 */
export function nameKey(name: string): string {
  const words = fold(name).split(' ').filter(Boolean).map(canonicalWord);
  return keyOfWords(words);
}

/**
 * The key of a place's or area's name: folded, ordinals as numbers, a leading article dropped,
 * nothing else ("East Los Angeles" stays itself; only streets lose their directions).
 */
export function plainKey(name: string): string {
  return plainKeyOfWords(fold(name).split(' ').filter(Boolean).map(canonicalWord));
}

/** `plainKey` of words already folded and canonical. */
export function plainKeyOfWords(words: readonly string[]): string {
  return (words.length > 1 && ARTICLES.has(words[0]!) ? words.slice(1) : words).join(' ');
}

/** Words that say what kind of place a name is, left out as often as said ("Roosevelt High School" is "Roosevelt"). */
const PLACE_KINDS = new Set(
  'school high elementary middle park plaza market center centre medical hospital church cafe restaurant station supercenter neighborhood neighbourhood store mall library clinic grocers grocery supermarket'.split(
    ' ',
  ),
);

/** The short name of a place: its name without the kind words at its end ("White Memorial Medical Center" -> "white memorial"). */
export function shortPlaceKey(name: string): string {
  const words = plainKey(name).split(' ');
  while (words.length > 1 && PLACE_KINDS.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** `nameKey` of words already folded and canonical. */
export function keyOfWords(words: readonly string[]): string {
  let kept = words.filter((w) => !STREET_TYPES.has(w));
  if (kept.length === 0) kept = [...words];
  while (kept.length > 1 && (DIRECTIONS.has(kept[0]!) || ARTICLES.has(kept[0]!))) kept.shift();
  while (kept.length > 1 && DIRECTIONS.has(kept[kept.length - 1]!)) kept.pop();
  // A middle initial ("Cesar E Chavez") is left out more often than written.
  if (kept.length > 2) kept = kept.filter((w, i) => i === 0 || i === kept.length - 1 || w.length > 1 || /\d/.test(w));
  return kept.join(' ');
}

/**
 * A sound key for one word, as Spanish and English speakers spell what they hear: "ph"/"f",
 * "c"/"s"/"z" before e/i, "c"/"k"/"q", "v"/"b", silent "h", "ll"/"y"/"i", a final "ng" heard as
 * "n", an English final silent "e", double letters, and every vowel run as one vowel (a
 * Spanish speaker writes the English "u" of "Huntington" as "a").
 */
export function soundWord(word: string): string {
  if (/^\d+$/.test(word)) return word;
  let s = word
    .replace(/x/g, 'ks')
    .replace(/sh/g, 'ch')
    .replace(/ch/g, 'x')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/gu(?=[ei])/g, 'g')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/g(?=[eiy])/g, 'j')
    .replace(/[cq]/g, 'k')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/w/g, 'u')
    .replace(/ll/g, 'i')
    .replace(/y/g, 'i')
    .replace(/[hj]/g, '');
  s = s.replace(/ng(?=[^aeiou]|$)/g, 'n');
  if (s.length > 3 && /[^aeiou]e$/.test(s)) s = s.slice(0, -1);
  s = s.replace(/(.)\1+/g, '$1').replace(/[aeiou]+/g, 'a');
  return s;
}

/** The sound key of a name key ("cesar chavez" -> "sasar xabas"). */
export function soundKey(key: string): string {
  return key.split(' ').map(soundWord).join(' ');
}

const SHORT_TYPES: Record<string, string> = {
  street: 'St',
  avenue: 'Ave',
  boulevard: 'Blvd',
  road: 'Rd',
  drive: 'Dr',
  place: 'Pl',
  lane: 'Ln',
  court: 'Ct',
  parkway: 'Pkwy',
  highway: 'Hwy',
  terrace: 'Ter',
};

/** A street's name as the card shows it: "East Cesar E Chavez Avenue" -> "East Cesar E Chavez Ave". */
export function shortName(name: string): string {
  const short = name.replace(/\b([A-Za-z]+)$/, (w) => SHORT_TYPES[w.toLowerCase()] ?? w);
  const bare = short.replace(/^(?:North|South|East|West|N|S|E|W)\.? (?=\S+ \S)/, '');
  // "Cesar E Chavez": the middle initial is how the map writes it, not how anyone says it
  return bare.replace(/^(\p{L}+) \p{Lu} (?=\p{L}{2})/u, '$1 ');
}
