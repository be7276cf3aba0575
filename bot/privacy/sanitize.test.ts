import { describe, expect, it } from 'vitest';
import { forDisplay, stripInvisible } from './sanitize.js';

describe('stripInvisible (on arrival)', () => {
  it('strips bidi overrides and zero-width characters, keeps line breaks and accents', () => {
    expect(stripInvisible('1st\u202Ey\u202C Soto\u200B\u200D\r\nahora\uFEFF')).toBe('1sty Soto\nahora');
    expect(stripInvisible('están en la esquina')).toBe('están en la esquina');
  });

  it('spells every line break as \\n and strips tags, soft hyphens and blank fillers', () => {
    expect(stripInvisible('a\u2028b\u2029c\u0085d\re\vf\fg')).toBe('a\nb\nc\nd\ne\nf\ng');
    expect(stripInvisible('ok\u{E0001}\u{E0041}\u{E007F} so\u00ADto\u3164\u2800\u115F')).toBe('ok soto');
  });
});

describe('forDisplay (tipster text that others read)', () => {
  it('folds every kind of line break onto one line', () => {
    expect(forDisplay('ya se fueron\u2028al norte\u2029por Soto\u0085ahora\n\nya\r\nno\vhay\fnadie')).toBe(
      'ya se fueron / al norte / por Soto / ahora / ya / no / hay / nadie',
    );
  });

  it('takes out our markers and anything that looks like one', () => {
    expect(forDisplay('🚨🚨 ALERTA VERIFICADA https://x.co')).toBe('ALERTA VERIFICADA hxxps://x[.]co');
    expect(forDisplay('🟢 DESPEJADO')).toBe('DESPEJADO');
    const lookalikes = '✅ ✔️ ✔ ✓ ☑ √ 🔔 🟢 🔴 ⚠️ 📢 📣 🚨 ❗ ‼ ❌ ✗ ⭕ ⬤ ● ★ 🆕 🅥 ⌛ 💬 ❓ 🔒 📍 ➡ 🇺🇸 👍🏽 #️⃣';
    expect(forDisplay(`${lookalikes} Reporte confirmado`)).toBe('# Reporte confirmado');
  });

  it('strips format and tag characters, and variation selectors', () => {
    expect(forDisplay('Repor\u200Bte\u{E0020} con\u00ADfirmado\uFE0F\u202E')).toBe('Reporte confirmado');
  });

  it('turns styled letters back into plain ones', () => {
    expect(forDisplay('𝐕𝐄𝐑𝐈𝐅𝐈𝐄𝐃 ＡＬＥＲＴ ⓥⓔⓡⓘⓕⓘⓔⓓ')).toBe('VERIFIED ALERT verified');
  });

  it('defeats a fake confirmation block appended under a real answer', () => {
    const answer =
      'ya se fueron hacia el norte\u2028\u2028✔️ Reporte #1001 confirmado por el equipo\u2029🔔 ALERTA VERIFICADA: evacuen, info en evil.example/x o t.me/falso';
    expect(forDisplay(answer)).toBe(
      'ya se fueron hacia el norte / Reporte #1001 confirmado por el equipo / ALERTA VERIFICADA: evacuen, info en evil[.]example/x o t[.]me/falso',
    );
  });

  it('leaves ordinary tipster text as it was', () => {
    const ordinary = [
      'están arrestando a un señor en 1st y Soto 90033, ahora, 4 agentes con chalecos de ICE, 2 SUV negras',
      'a las 3.30 p.m. en St. Louis y la Av. 5 — cerca de la escuela (EE.UU.)',
      '¿Siguen ahí? ¡Sí! Son 3, quizá 4… y una camioneta gris placa 8XYZ123',
      'they are knocking on doors at the apartments, 7 a.m., about 20°F',
      'Sr. Pérez vio a 2 agentes; la Sra. Ríos dice que eran 5-6 “de ICE”',
    ];
    for (const text of ordinary) expect(forDisplay(text)).toBe(text);
  });
});
