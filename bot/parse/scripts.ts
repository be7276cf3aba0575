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
import { hangulNumerals, hanNumerals } from './scripts-numerals.js';
import { segmentHan, splitArabic, splitParticles } from './scripts-words.js';

export { joinForDisplay } from './scripts-words.js';

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
