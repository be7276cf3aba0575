import { describe, expect, it } from 'vitest';
import { defang } from './defang.js';

describe('defang', () => {
  it('breaks scheme URLs and brackets every dot of the host, and domains hidden in the path', () => {
    expect(defang('mira https://evil.example.com/a.b?c=1 y www.x.org')).toBe('mira hxxps://evil[.]example[.]com/a.b?c=1 y www[.]x[.]org');
    expect(defang('http://10.0.0.1')).toBe('hxxp://10[.]0[.]0[.]1');
    expect(defang('HTTPS://Evil.Example/x?next=other.com')).toBe('hxxps://Evil[.]Example/x?next=other[.]com');
    expect(defang('tg://resolve?domain=evil sgnl://signal.me/#p/x ftp://a.org')).toBe(
      'tg[:]//resolve?domain=evil sgnl[:]//signal[.]me/#p/x fxp://a[.]org',
    );
    expect(defang('www.evil')).toBe('www[.]evil');
  });

  it('breaks bare domains with a known TLD, or any TLD followed by a path or a port', () => {
    expect(defang('info en evil.example/x')).toBe('info en evil[.]example/x');
    expect(defang('bit.ly/abc t.me/falso wa.me/15550100 signal.me/#p/abc signal.group/#x')).toBe(
      'bit[.]ly/abc t[.]me/falso wa[.]me/15550100 signal[.]me/#p/abc signal[.]group/#x',
    );
    expect(defang('escribe a evil.mx o a EVIL.COM.')).toBe('escribe a evil[.]mx o a EVIL[.]COM.');
    expect(defang('foo.weird/path and foo.weird:8080 but not foo.weird')).toBe('foo[.]weird/path and foo[.]weird:8080 but not foo.weird');
    expect(defang('ana@evil.com')).toBe('ana@evil[.]com');
    expect(defang('see 192.168.1.20/admin')).toBe('see 192[.]168[.]1[.]20/admin');
  });

  it('breaks dialling and messaging schemes and Telegram @usernames', () => {
    expect(defang('llama tel:+15550100 o sms:+15550100 o mailto:a@b.org')).toBe(
      'llama tel[:]+15550100 o sms[:]+15550100 o mailto[:]a@b[.]org',
    );
    expect(defang('escribe a @evil_bot ya')).toBe('escribe a [@]evil_bot ya');
  });

  it('leaves ordinary writing alone: times, prices, abbreviations, Spanish punctuation', () => {
    const ordinary = [
      'a las 3.30 p.m. en St. Louis y la Av. 5, cerca de EE.UU. 101',
      'Sr. Pérez, Sra. Ríos, Dr. Soto, No. 5, p.ej. la tienda, etc.',
      'cuesta $3.50, a 1.5 km, a las 9.am ya no',
      '¿Siguen ahí? ¡Sí! Van hacia el norte… por la 1st St.',
      'tel: 555-0100 (no es un enlace), hora: 7:30, data: nada',
      'at 7 a.m. near the U.S. post office @ 3rd',
    ];
    for (const text of ordinary) expect(defang(text)).toBe(text);
  });

  it('reads a long dotted run in linear time', () => {
    const started = performance.now();
    defang('a.'.repeat(10_000));
    expect(performance.now() - started).toBeLessThan(200);
  });
});
