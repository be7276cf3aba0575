import { describe, expect, it } from 'vitest';
import { defang, forDisplay, stripInvisible } from './sanitize.js';

describe('text hygiene', () => {
  it('strips bidi overrides and zero-width characters, keeps line breaks and accents', () => {
    expect(stripInvisible('1st\u202Ey\u202C Soto\u200B\u200D\r\nahora\uFEFF')).toBe('1sty Soto\nahora');
    expect(stripInvisible('están en la esquina')).toBe('están en la esquina');
  });

  it('defangs links so they are neither clickable nor previewed', () => {
    expect(defang('mira https://evil.example.com/a.b?c=1 y www.x.org')).toBe('mira hxxps://evil[.]example[.]com/a.b?c=1 y www[.]x[.]org');
    expect(defang('http://10.0.0.1')).toBe('hxxp://10[.]0[.]0[.]1');
    expect(defang('no links here. ok.')).toBe('no links here. ok.');
  });

  it('takes our alert markers out of tipster text', () => {
    expect(forDisplay('🚨🚨 ALERTA VERIFICADA https://x.co')).toBe('ALERTA VERIFICADA hxxps://x[.]co');
    expect(forDisplay('🟢 DESPEJADO')).toBe('DESPEJADO');
  });
});
