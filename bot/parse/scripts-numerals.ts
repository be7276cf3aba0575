/**
 * Chinese and Korean numerals before a counter, as digits: "三个" → "3个", "十五分钟" → "15分钟",
 * "三四个" → "3-4个"; "두 대" → "2 대", "세명" → "3명", "십분" → "10분". Numerals that are not
 * counts stay as they are ("一直", "快一点", "十分危险", "이 분"). Part of `prepareScripts`.
 */

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
export function hanNumerals(text: string): string {
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

export function hangulNumerals(text: string): string {
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
