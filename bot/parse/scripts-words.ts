/**
 * Cutting Chinese, Korean and Arabic text into the words the vocabularies know: Han runs by
 * longest match ("有三个警察在门口" → "有 3 个 警察 在 门口"), Korean particles off known nouns
 * ("경찰이" → "경찰 이"), Arabic prefixes off known words ("والشرطه" → "و الشرطه") and duals into a
 * count ("سيارتين" → "2 سيارات"). Part of `prepareScripts`.
 */
import { AR, ARABIC_DUALS } from './vocab/ar.js';
import { KO } from './vocab/ko.js';
import type { Vocabulary } from './vocab/vocabulary.js';
import { ZH } from './vocab/zh.js';

const HAN_RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const HANGUL_RUNS = /[\uac00-\ud7af]+/g;
const ARABIC_RUNS = /[\u0621-\u064a\u066e-\u06d3]+/g;

function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Every run of one script's letters in a vocabulary (its words, its record keys, the words
 * inside its patterns): the words the segmenter knows.
 */
function wordsIn(vocab: Vocabulary | Record<string, unknown>, script: RegExp, extra: readonly string[] = []): Set<string> {
  const out = new Set<string>(extra);
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(script)) out.add(m[0]);
    } else if (Array.isArray(value)) {
      for (const v of value) visit(v);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        visit(k);
        visit(v);
      }
    }
  };
  visit(vocab);
  return out;
}

/** Chinese words the vocabulary does not name but that often sit next to its words. */
const CHINESE_EXTRA = [
  '公交车',
  '公车',
  '那边',
  '这边',
  '他们',
  '她们',
  '我们',
  '你们',
  '这里',
  '那里',
  '这边',
  '那边',
  '一个',
  '一些',
  '还有',
  '正在',
  '已经',
  '好像',
  '可能',
  '看到',
  '看见',
  '外面',
  '里面',
  '门口',
  '旁边',
  '对面',
  '附近',
  '路口',
  '拐角',
  '十字路口',
  '交叉口',
  '注意',
  '小心',
];

/** Korean particles and endings cut off a known noun ("경찰이", "앞에서", "차들을"). */
const KOREAN_PARTICLES = [
  '이',
  '가',
  '은',
  '는',
  '을',
  '를',
  '에',
  '에서',
  '에게',
  '한테',
  '으로',
  '로',
  '도',
  '와',
  '과',
  '랑',
  '이랑',
  '하고',
  '의',
  '만',
  '까지',
  '부터',
  '들',
  '들이',
  '들은',
  '들을',
  '들도',
  '들이랑',
  '들하고',
  '에는',
  '에서는',
  '에도',
  '이에요',
  '예요',
  '이요',
  '요',
  '이고',
  '인데',
  '쪽',
  '쪽에',
  '쪽에서',
  '근처',
  '근처에',
  '근처에서',
  '앞',
  '앞에',
  '앞에서',
  '옆',
  '옆에',
  '뒤에',
  '건너편',
  '쯤',
  '정도',
  '쯤에',
  '건너편에',
  '에서요',
  '에요',
  '이었어요',
  '였어요',
  '이야',
  '야',
];

const MAX_HAN_WORD = 6;
let hanLexicon: Set<string> | undefined;

/** Cuts every run of Han characters into known words; unknown characters stay together. */
export function segmentHan(text: string): string {
  hanLexicon ??= wordsIn(ZH, HAN_RUNS, CHINESE_EXTRA);
  const lex = hanLexicon;
  let out = '';
  let unknown = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (!isHan(c)) {
      out += text[i]!;
      unknown = false;
      i++;
      continue;
    }
    let len = Math.min(MAX_HAN_WORD, text.length - i);
    for (; len > 0; len--) {
      if (len === 1 || lex.has(text.slice(i, i + len))) break;
    }
    const word = text.slice(i, i + len);
    const known = lex.has(word);
    const prevHan = i > 0 && isHan(text.charCodeAt(i - 1));
    if (prevHan && (known || !unknown)) out += ' ';
    out += word;
    unknown = !known;
    i += len;
  }
  return out;
}

/** The longest Korean word (noun and particles) that is cut: "경찰차들이랑" is 6 syllables. */
const MAX_KOREAN_WORD = 12;

let koLexicon: { nouns: Set<string>; particles: Set<string>; whole: Set<string> } | undefined;

/** Korean time nouns that take particles ("지금은", "어제는", "아침에"). */
const KOREAN_TIME_NOUNS = [
  '지금',
  '어제',
  '어젯밤',
  '그저께',
  '지난주',
  '오늘',
  '아침',
  '저녁',
  '밤',
  '오후',
  '오전',
  '새벽',
  '방금',
  '아까',
  '전',
  '분',
  '시간',
  '시',
  '명',
  '대',
];

/**
 * "경찰이" → "경찰 이", "차를" → "차 를", "경찰차" → "경찰 차": a noun the Korean vocabulary
 * knows, followed by a particle or another such noun, is cut in two. Verbs keep their endings.
 */
function koreanLexicon(): { nouns: Set<string>; particles: Set<string>; whole: Set<string> } {
  return (koLexicon ??= {
    nouns: wordsIn(
      {
        agents: KO.agents,
        vehicles: KO.vehicles,
        places: [KO.pieces.placeWords, KO.places.placeNouns, KO.places.brands, KO.streets.words, KO.pieces.strongLocation, KO.pieces.doors],
      },
      HANGUL_RUNS,
      KOREAN_TIME_NOUNS,
    ),
    particles: new Set(KOREAN_PARTICLES),
    // Whole answers stay whole: keywords ("뒤로"), yes and no ("없어요")
    whole: new Set([...Object.keys(KO.keywords), ...KO.yesNo.yes, ...KO.yesNo.no, ...KO.nothingMore]),
  });
}

export function splitParticles(text: string): string {
  const { nouns, particles, whole } = koreanLexicon();
  /** The tail after a noun: a particle, a noun, or a noun and its particle ("전쯤" → "전 쯤"). */
  const tailOf = (tail: string): string | undefined => {
    if (particles.has(tail) || nouns.has(tail)) return tail;
    for (let cut = tail.length - 1; cut >= 1; cut--) {
      if (nouns.has(tail.slice(0, cut)) && particles.has(tail.slice(cut))) return `${tail.slice(0, cut)} ${tail.slice(cut)}`;
    }
    return undefined;
  };
  return text.replace(/[\uac00-\ud7af]{2,}/g, (word) => {
    // A noun with its particles is a few syllables; longer runs are left whole (and the work stays linear)
    if (word.length > MAX_KOREAN_WORD || whole.has(word)) return word;
    for (let cut = word.length - 1; cut >= 1; cut--) {
      const head = word.slice(0, cut);
      const tail = nouns.has(head) ? tailOf(word.slice(cut)) : undefined;
      if (tail !== undefined) return `${head} ${tail}`;
    }
    return word;
  });
}

let arLexicon: { words: Set<string>; duals: Map<string, string> } | undefined;
const ARABIC_PREFIXES = ['وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];

/** "والشرطه" → "و الشرطه"; "سيارتين" → "2 سيارات". */
export function splitArabic(text: string): string {
  arLexicon ??= { words: wordsIn(AR, ARABIC_RUNS), duals: new Map(Object.entries(ARABIC_DUALS)) };
  const { words, duals } = arLexicon;
  const known = (w: string): string | undefined => {
    const dual = duals.get(w);
    if (dual !== undefined) return `2 ${dual}`;
    return words.has(w) ? w : undefined;
  };
  return text.replace(/[\u0621-\u064a\u066e-\u06d3]{2,}/g, (word) => {
    const whole = known(word);
    if (whole !== undefined) return whole;
    for (const p of ARABIC_PREFIXES) {
      if (!word.startsWith(p) || word.length - p.length < 2) continue;
      let rest = word.slice(p.length);
      // "للشرطه" is ل + الشرطه
      if (p === 'ل' && rest.startsWith('ل')) rest = `ا${rest}`;
      const found = known(rest);
      if (found !== undefined) return `${p} ${found}`;
    }
    return word;
  });
}

const HAN_SPACE_HAN = /(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]) (?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])/g;
const ARABIC_PREFIX_SPACE = /(?<![\u0621-\u064a])([وفبكل]|وب|ول|وك|فب|فل) (?=[\u0621-\u064a])/g;
const HANGUL_WORD_SPACE = /(?<=(?<![\uac00-\ud7af])([\uac00-\ud7af]{1,12})) ([\uac00-\ud7af]{1,4})(?![\uac00-\ud7af])/g;

/**
 * Undoes the cutting for people to read (a field shown to the tipster or a verifier): no space
 * between two Han characters ("只是 停着" → "只是停着"), Korean particles back on their noun ("경찰 이"
 * → "경찰이"), Arabic prefixes back on their word ("و الشرطه" → "والشرطه"). Digits, spacing around
 * Latin words and the Simplified characters stay.
 */
export function joinForDisplay(text: string): string {
  let s = text;
  if (/[\u3400-\u9fff\uf900-\ufaff]/.test(s)) s = s.replace(HAN_SPACE_HAN, '');
  if (/[\uac00-\ud7af]/.test(s)) {
    const { nouns, particles } = koreanLexicon();
    s = s.replace(HANGUL_WORD_SPACE, (m, a: string, b: string) => (nouns.has(a) && particles.has(b) && !nouns.has(b) ? b : m));
  }
  if (/[\u0621-\u064a]/.test(s)) s = s.replace(ARABIC_PREFIX_SPACE, '$1');
  return s;
}
