/**
 * Prepares text in scripts other than Latin for the word-based parsers: Chinese, Korean and
 * Arabic tips become words separated by spaces, with ASCII digits.
 *
 * - Digits: Arabic-Indic (٣), Persian (۳) and full-width (３) digits become ASCII; full-width
 *   Latin letters and punctuation become ASCII; Chinese and Arabic punctuation (，。、？ ، ؟)
 *   become their ASCII marks, so clauses and lists split as in other languages.
 * - Chinese: Traditional characters the vocabularies read become Simplified (個→个, 車→车);
 *   numerals before a counter or unit become digits ("三个" → "3个", "十五分钟" → "15分钟",
 *   "三四个" → "3-4个"); runs of Han characters are cut into the words the Chinese vocabulary
 *   knows ("有三个警察在门口" → "有 3 个 警察 在 门口").
 * - Korean: native and Sino-Korean numerals before a counter become digits ("두 대" → "2 대",
 *   "세명" → "3명", "십분" → "10분"); particles are cut off the nouns the Korean vocabulary
 *   knows ("경찰이" → "경찰 이", "차를" → "차 를").
 * - Arabic: diacritics and the tatweel are dropped, alef forms become ا, ى and ئ become ي, ؤ
 *   becomes و and ة becomes ه (people type them interchangeably); the prefixes و ف ب ك ل are cut off words the
 *   Arabic vocabulary knows ("والشرطه" → "و الشرطه"); dual nouns become a count ("سيارتين" →
 *   "2 سيارات").
 * - A space goes between a Han, Hangul or Arabic character and a Latin letter or digit:
 *   "3个ICE" → "3 个 ICE".
 *
 * Text in Latin script comes back unchanged (same string). Linear in the length of the text.
 *
 * @example prepareScripts('沃爾瑪門口有三個ICE') // → '沃尔玛 门口 有 3 个 ICE'
 */
import { AR, ARABIC_DUALS } from './vocab/ar.js';
import { KO } from './vocab/ko.js';
import type { Vocabulary } from './vocab/vocabulary.js';
import { ZH } from './vocab/zh.js';

/** Anything outside Latin-1: text without it needs nothing from this module. */
const NEEDS_WORK = /[^\x00-\u024f\u2000-\u206f]/;

/** Prepares one message: see the module comment. Returns `text` itself when nothing applies. */
export function prepareScripts(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  let s = mapCharacters(text);
  if (HAN.test(s)) s = segmentHan(hanNumerals(s));
  if (HANGUL.test(s)) s = splitParticles(hangulNumerals(s));
  if (ARABIC.test(s)) s = splitArabic(s);
  return spaceScripts(s);
}

// ---------------------------------------------------------------------------------------------
// Characters

/** Traditional → Simplified for the characters tips use (a table, not a full converter). */
const TRADITIONAL =
  '個車輛們門現點鐘時間後來過兩關區學醫條號對麵麥當勞邊裡裏這說話還沒見帶員國聯幹隊長槍廂貨銀紅藍綠顏製誌標無碼剛頭約週禮場園會樓層廳館診郵圖書飯廠倉庫鄰兒媽請幫謝嗎進開問證檢盤驅權語説刪務衛軍搶綁銬鎖機發經幾應該麼處戶鎮縣灣華僑韓壓嚇離從騎駛遊聽給讓認識誰東報線電視頻錄鏡黃淺輕舊釋審師議緊險傷亂彈隻臺橋環廣築廈營業廚雜鋪總統領導讀際錢買賣價難題簽護據駕執遞夠樣變壞頓蘭維納亞羅義蘇爾達倫紐聖鄉燈錶歲響聲鬧趕們雙幾窩寫將辦準備戰鬥區塊標誌內計劃遠較豬牽拉齊邊滿從僅儘層覺親觀記許設訴詢詳語誤課調談請諾謀講謹識警察夥餘館裝轉彎衝頂緝監蹤攔闖兇飛瑪寶賓薩';
const SIMPLIFIED =
  '个车辆们门现点钟时间后来过两关区学医条号对面麦当劳边里里这说话还没见带员国联干队长枪厢货银红蓝绿颜制志标无码刚头约周礼场园会楼层厅馆诊邮图书饭厂仓库邻儿妈请帮谢吗进开问证检盘驱权语说删务卫军抢绑铐锁机发经几应该么处户镇县湾华侨韩压吓离从骑驶游听给让认识谁东报线电视频录镜黄浅轻旧释审师议紧险伤乱弹只台桥环广筑厦营业厨杂铺总统领导读际钱买卖价难题签护据驾执递够样变坏顿兰维纳亚罗义苏尔达伦纽圣乡灯表岁响声闹赶们双几窝写将办准备战斗区块标志内计划远较猪牵拉齐边满从仅尽层觉亲观记许设诉询详语误课调谈请诺谋讲谨识警察伙余馆装转弯冲顶缉监踪拦闯凶飞玛宝宾萨';

const CHAR_MAP = new Map<string, string>();
{
  const trad = [...TRADITIONAL];
  const simp = [...SIMPLIFIED];
  for (let i = 0; i < trad.length; i++) if (trad[i] !== simp[i]) CHAR_MAP.set(trad[i]!, simp[i]!);
  const pairs: Array<[string, string]> = [
    // Chinese punctuation (full-width forms are handled by code below)
    ['、', ','],
    ['。', '.'],
    ['「', '"'],
    ['」', '"'],
    ['『', '"'],
    ['』', '"'],
    ['【', '('],
    ['】', ')'],
    ['《', '"'],
    ['》', '"'],
    ['～', '~'],
    ['\u3000', ' '],
    // Arabic punctuation and letters typed interchangeably
    ['،', ','],
    ['؛', ';'],
    ['؟', '?'],
    ['٪', '%'],
    ['٫', '.'],
    ['٬', ','],
    ['أ', 'ا'],
    ['إ', 'ا'],
    ['آ', 'ا'],
    ['ٱ', 'ا'],
    ['ى', 'ي'],
    ['ة', 'ه'],
    ['ئ', 'ي'],
    ['ؤ', 'و'],
    ['ی', 'ي'],
    ['ک', 'ك'],
    ['ە', 'ه'],
  ];
  for (const [from, to] of pairs) CHAR_MAP.set(from, to);
}

/** Arabic harakat, the superscript alef and the tatweel: dropped. */
function isArabicMark(c: number): boolean {
  return (c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640;
}

function mapCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x0660 && c <= 0x0669) out += String.fromCharCode(48 + c - 0x0660);
    else if (c >= 0x06f0 && c <= 0x06f9) out += String.fromCharCode(48 + c - 0x06f0);
    else if (c >= 0xff01 && c <= 0xff5e)
      out += String.fromCharCode(c - 0xfee0); // full-width ASCII
    else if (isArabicMark(c)) continue;
    else out += CHAR_MAP.get(ch) ?? ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Script classes and spacing

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const HANGUL = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/;
const HAN_RUNS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const HANGUL_RUNS = /[\uac00-\ud7af]+/g;
const ARABIC_RUNS = /[\u0621-\u064a\u066e-\u06d3]+/g;

const enum Script {
  Other = 0,
  Latin = 1,
  Han = 2,
  Hangul = 3,
  Arabic = 4,
}

function scriptOf(c: number): Script {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) {
    return Script.Latin;
  }
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) return Script.Han;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return Script.Hangul;
  if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) {
    return Script.Arabic;
  }
  return Script.Other;
}

/** A space between two letters or digits of different scripts ("3个ICE" → "3 个 ICE"). */
function spaceScripts(text: string): string {
  let out = '';
  let prev = Script.Other;
  for (let i = 0; i < text.length; i++) {
    const cur = scriptOf(text.charCodeAt(i));
    if (cur !== Script.Other && prev !== Script.Other && cur !== prev) out += ' ';
    out += text[i]!;
    prev = cur;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

const HAN_DIGIT: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HAN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** What may follow a Chinese number: counters, time units, "more than" and "about" words. */
const HAN_COUNTERS = new Set([...'个名位辆台部架只人点分秒小钟天号条街路次多来余左半岁年月日周']);
/** "一点" is also "a little": a clock time only with one of these after it. */
const AFTER_YI_DIAN = new Set([...'钟半多左分0123456789零一二三四五六七八九十']);

function isHanNumeral(ch: string): boolean {
  return ch in HAN_DIGIT || ch in HAN_UNIT;
}

/** Value of a run of Chinese numerals ("二十五" 25, "十" 10, "一百二" 120, "二〇二五" 2025); "三四" is a range. */
function hanValue(run: string): string | undefined {
  const chars = [...run];
  if (!chars.some((c) => c in HAN_UNIT)) {
    const digits = chars.map((c) => HAN_DIGIT[c]!);
    if (digits.length === 1) return String(digits[0]);
    if (digits.length === 2 && digits[1] === digits[0]! + 1 && digits[0]! > 0) return `${digits[0]}-${digits[1]}`;
    return digits.join('');
  }
  let total = 0;
  let cur = 0;
  let lastUnit = 1;
  for (const c of chars) {
    const unit = HAN_UNIT[c];
    if (unit !== undefined) {
      total += (cur || 1) * unit;
      cur = 0;
      lastUnit = unit;
    } else cur = HAN_DIGIT[c]!;
  }
  // "一百二" is 120: a digit after a unit above ten counts in the next unit down
  if (cur && lastUnit >= 100 && !run.endsWith('零')) cur *= lastUnit / 10;
  return String(total + cur);
}

/** Chinese numerals before a counter or after 第 become digits. */
function hanNumerals(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (!isHanNumeral(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isHanNumeral(text[j]!)) j++;
    const run = text.slice(i, j);
    // The next character, past one space (the text may have been prepared once already)
    const k = text[j] === ' ' ? j + 1 : j;
    const next = text[k] ?? '';
    const after = text[k + 1] === ' ' ? (text[k + 2] ?? '') : (text[k + 1] ?? '');
    const prev = text[i - 1] === ' ' ? text[i - 2] : text[i - 1];
    let convert = HAN_COUNTERS.has(next) || prev === '第';
    // "一些", "一直", "一下", "统一": only a count before a counter; "一点" only as a clock time
    if (convert && run === '一' && next === '点' && !AFTER_YI_DIAN.has(after)) convert = false;
    if (convert && run === '十' && next === '分' && after !== '钟' && !/[\d零一二三四五六七八九]/.test(after)) {
      convert = false; // "十分" is "very"
    }
    out += convert ? (hanValue(run) ?? run) : run;
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Korean numerals

/** Native Korean numbers in the form used before a counter, and their standalone forms. */
const NATIVE_UNITS: Record<string, number> = {
  한: 1,
  하나: 1,
  두: 2,
  둘: 2,
  세: 3,
  셋: 3,
  석: 3,
  네: 4,
  넷: 4,
  넉: 4,
  다섯: 5,
  여섯: 6,
  일곱: 7,
  여덟: 8,
  아홉: 9,
};
const NATIVE_TENS: Record<string, number> = { 열: 10, 스물: 20, 스무: 20, 서른: 30, 마흔: 40, 쉰: 50 };
const SINO: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9 };

const NATIVE_COUNTERS = '명|대|사람|분|시간|시|개|군데|번|놈|녀석';
const NATIVE_RE = new RegExp(
  `(?<![\\uac00-\\ud7af])(${Object.keys(NATIVE_TENS).join('|')})?(${Object.keys(NATIVE_UNITS)
    .sort((a, b) => b.length - a.length)
    .join('|')})?( ?)(?=(?:${NATIVE_COUNTERS}))`,
  'g',
);
/** Sino-Korean numbers are read only before minutes, seconds and people counted with 명. */
const SINO_RE = /(?<![\uac00-\ud7af])([일이삼사오육칠팔구]?십[일이삼사오육칠팔구]?|[이삼사오육칠팔구])( ?)(?=(?:분|초|명))/g;

function hangulNumerals(text: string): string {
  let s = text.replace(NATIVE_RE, (m, tens: string | undefined, unit: string | undefined, space: string) => {
    if (!tens && !unit) return m;
    return String((tens ? NATIVE_TENS[tens]! : 0) + (unit ? NATIVE_UNITS[unit]! : 0)) + space;
  });
  s = s.replace(SINO_RE, (m, num: string, space: string, offset: number, whole: string) => {
    // "이 분" is "this person"; "이분 전" is two minutes ago
    if (num === '이' && !/^ ?분 ?전/.test(whole.slice(offset + m.length - space.length))) return m;
    return String(sinoValue(num)) + space;
  });
  return s;
}

function sinoValue(num: string): number {
  const at = num.indexOf('십');
  if (at < 0) return SINO[num]!;
  const tens = at === 0 ? 1 : SINO[num[0]!]!;
  const ones = num[at + 1] !== undefined ? SINO[num[at + 1]!]! : 0;
  return tens * 10 + ones;
}

// ---------------------------------------------------------------------------------------------
// Word segmentation by the vocabularies' words

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
function segmentHan(text: string): string {
  hanLexicon ??= wordsIn(ZH, HAN_RUNS, CHINESE_EXTRA);
  const lex = hanLexicon;
  let out = '';
  let unknown = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (scriptOf(c) !== Script.Han) {
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
    const prevHan = i > 0 && scriptOf(text.charCodeAt(i - 1)) === Script.Han;
    if (prevHan && (known || !unknown)) out += ' ';
    out += word;
    unknown = !known;
    i += len;
  }
  return out;
}

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
function splitParticles(text: string): string {
  koLexicon ??= {
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
  };
  const { nouns, particles, whole } = koLexicon;
  return text.replace(/[\uac00-\ud7af]{2,}/g, (word) => {
    if (whole.has(word)) return word;
    for (let cut = word.length - 1; cut >= 1; cut--) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      if (nouns.has(head) && (particles.has(tail) || nouns.has(tail))) return `${head} ${tail}`;
    }
    return word;
  });
}

let arLexicon: { words: Set<string>; duals: Map<string, string> } | undefined;
const ARABIC_PREFIXES = ['وب', 'ول', 'وك', 'فب', 'فل', 'و', 'ف', 'ب', 'ك', 'ل'];

/** "والشرطه" → "و الشرطه"; "سيارتين" → "2 سيارات". */
function splitArabic(text: string): string {
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
