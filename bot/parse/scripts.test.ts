import { describe, expect, it } from 'vitest';
import { joinForDisplay, prepareScripts } from './scripts.js';

describe('prepareScripts', () => {
  it('returns Latin text unchanged', () => {
    const text = 'hay como 5 de la migra en la 4th y Soto, señora';
    expect(prepareScripts(text)).toBe(text);
  });

  it('turns Arabic-Indic, Persian and full-width digits into ASCII', () => {
    expect(prepareScripts('٣ سيارات')).toBe('3 سيارات');
    expect(prepareScripts('۴ ضباط')).toBe('4 ضباط');
    expect(prepareScripts('５ 个')).toBe('5 个');
    expect(prepareScripts('Ｍａｉｎ　Ｓｔ')).toBe('Main St');
  });

  it('turns Chinese and Arabic punctuation into ASCII marks', () => {
    expect(prepareScripts('现在，门口。')).toBe('现在,门口.');
    expect(prepareScripts('وين؟ هون،')).toBe('وين? هون,');
  });

  it('reads Traditional characters as Simplified', () => {
    expect(prepareScripts('兩輛車')).toBe('2 辆 车');
    expect(prepareScripts('沃爾瑪門口')).toBe('沃尔玛 门口');
  });

  describe('Chinese numerals', () => {
    it.each([
      ['三个警察', '3 个 警察'],
      ['两辆车', '2 辆 车'],
      ['十二个人', '12 个 人'],
      ['二十五分钟前', '25 分钟 前'],
      ['十分钟前', '10 分钟 前'],
      ['三四个警察', '3-4 个 警察'],
      ['下午三点半', '下午 3 点 半'],
      ['第五街', '第 5 街'],
    ])('%s → %s', (input, output) => {
      expect(prepareScripts(input)).toBe(output);
    });

    it('leaves numerals that are not counts as they are', () => {
      expect(prepareScripts('快一点')).not.toMatch(/\d/);
      expect(prepareScripts('一直在那里')).not.toMatch(/\d/);
      expect(prepareScripts('十分危险')).not.toMatch(/\d/);
    });
  });

  it('puts a space between Han, Hangul or Arabic letters and Latin letters or digits', () => {
    expect(prepareScripts('3个ICE')).toBe('3 个 ICE');
    expect(prepareScripts('3명')).toBe('3 명');
    expect(prepareScripts('فيICE')).toBe('في ICE');
  });

  it('cuts Chinese into the words the vocabulary knows', () => {
    expect(prepareScripts('沃尔玛门口有三个ICE在抓人')).toBe('沃尔玛 门口 有 3 个 ICE 在 抓人');
    expect(prepareScripts('5th St和Main路口有两辆黑色SUV')).toBe('5th St 和 Main 路口 有 2 辆 黑色 SUV');
  });

  describe('Korean', () => {
    it.each([
      ['두 대', '2 대'],
      ['세명', '3 명'],
      ['열두 명', '12 명'],
      ['스무 명', '20 명'],
      ['십분 전', '10 분 전'],
      ['삼십 분 전', '30 분 전'],
      ['한 시간 전', '1 시간 전'],
    ])('%s → %s', (input, output) => {
      expect(prepareScripts(input)).toBe(output);
    });

    it('does not read "이 분" (this person) or "네" (yes) as numbers', () => {
      expect(prepareScripts('이 분이 누구세요')).not.toMatch(/\d/);
      expect(prepareScripts('네')).toBe('네');
    });

    it('cuts particles off the nouns the vocabulary knows, not off verbs', () => {
      expect(prepareScripts('ICE 요원 세 명이 월마트 앞에 있어요')).toBe('ICE 요원 3 명 이 월마트 앞 에 있어요');
      expect(prepareScripts('경찰차 두 대가')).toBe('경찰 차 2 대 가');
      expect(prepareScripts('잡아가고 있어요')).toBe('잡아가고 있어요');
    });
  });

  describe('Arabic', () => {
    it('drops harakat and the tatweel and writes alef, ya and ta marbuta one way', () => {
      expect(prepareScripts('الشُّرطة')).toBe('الشرطه');
      expect(prepareScripts('أمام')).toBe('امام');
      expect(prepareScripts('علــى')).toBe('علي');
    });

    it('cuts the prefixes و ف ب ل off known words', () => {
      expect(prepareScripts('والشرطة')).toBe('و الشرطه');
      expect(prepareScripts('للهجرة')).toBe('ل الهجره');
      expect(prepareScripts('بالسيارة')).toBe('ب السياره');
    });

    it('turns a dual into a count', () => {
      expect(prepareScripts('فيه عربيتين ICE')).toBe('فيه 2 عربيات ICE');
      expect(prepareScripts('ضابطين')).toBe('2 ضباط');
    });

    it('leaves unknown words whole', () => {
      expect(prepareScripts('وليد')).toBe('وليد');
    });
  });

  it('gives the same text when run twice', () => {
    const samples = [
      '沃爾瑪門口有三個ICE，快一点',
      '十几个移民局的人在抓人, 二十五分钟前',
      'ICE 요원 세 명이 월마트 앞에 있어요, 이 분이',
      'في ٣ سيارات للهجرة قدام الجامع على Main St هلق',
      'فيه عربيتين ICE قدام المحل',
    ];
    for (const s of samples) {
      const once = prepareScripts(s);
      expect(prepareScripts(once), s).toBe(once);
    }
  });

  it('leaves a long run of Hangul without spaces whole', () => {
    const run = '경찰이'.repeat(20_000);
    expect(prepareScripts(run)).toBe(run);
  });

  it('handles long input without losing text', () => {
    const long = '沃尔玛门口有三个警察。'.repeat(5000);
    const out = prepareScripts(long);
    expect(out.split('沃尔玛').length - 1).toBe(5000);
  });

  describe('joinForDisplay', () => {
    it.each([
      ['只是停着，Garvey Ave和Atlantic Blvd路口', '只是停着,Garvey Ave 和 Atlantic Blvd 路口'],
      ['ICE 요원 세 명이 월마트 앞에 있어요', 'ICE 요원 3 명이 월마트 앞에 있어요'],
      ['والشرطة قدام المحل', 'والشرطه قدام المحل'],
      ['hola, en la 4th y Soto', 'hola, en la 4th y Soto'],
    ])('%s reads as %s once prepared', (input, shown) => {
      expect(joinForDisplay(prepareScripts(input))).toBe(shown);
    });
  });
});
