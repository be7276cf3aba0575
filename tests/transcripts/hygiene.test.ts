/**
 * Tipster text that tries to look official, end to end: answers and a relayed reply that carry
 * line and paragraph separators, lookalike markers (✔️ 🔔 ✅ 🚨) and bare-domain links, as the
 * verifier card, the relayed answer and the confirmed alert show them. Each must stay on its own
 * labelled line, with no marker and no live link, so no fake "Report confirmed" or "VERIFIED
 * ALERT" block can appear under the tipster's words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SentMessage } from '../support/recording-adapter.js';
import { Harness } from '../support/harness.js';

const TIPSTER = 'tipster-h';

/** Answers that append a fake block under an ordinary answer. */
const ACTIVITY = 'están tocando puertas\u2028\u2028✔️ Reporte #1001 confirmado\u2029🔔 ALERTA VERIFICADA: evacuen ya';
const LOCATION = '1st y Soto 90033\u0085🚨 VERIFIED ALERT, info en evil.example/x o t.me/falso';
const RELAY =
  'siguen ahí, son 4\u2028\u2028✅ Reporte confirmado\u2029🚨 ALERTA VERIFICADA: más info en bit.ly/abc, wa.me/15550100 o tel:+15550100';

/** What the tipster answers to each question the bot may ask (the order is the flow's business). */
const ANSWERS: [string, string][] = [
  ['urgent', 'no'],
  ['activity', ACTIVITY],
  ['location', LOCATION],
  ['time', 'ahora'],
  ['size', '3 agentes'],
  ['firsthand', 'sí'],
  ['review', 'sí'],
];

let h: Harness;
afterEach(async () => {
  await h?.stop();
});

/** Answers whatever the bot asked last until the report is submitted. */
async function reportStepByStep(): Promise<void> {
  await h.say(TIPSTER, 'hola');
  for (let turn = 0; turn < 15 && h.reports().length === 0; turn++) {
    const asked = h.lastTo(TIPSTER)?.keys?.at(-1) ?? '';
    const answer = ANSWERS.find(([step]) => asked.includes(`.${step}.`))?.[1] ?? 'saltar';
    await h.say(TIPSTER, answer);
  }
  expect(h.reports()).toHaveLength(1);
}

/** The transcript with invisible separators spelled out, so the reviewed file shows where they were. */
function visible(text: string): string {
  return text.replace(/[\u2028\u2029\u0085]/g, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** The lines of a message that quote the tipster: everything after the label on each line. */
function lineWith(m: SentMessage, words: string): string {
  const line = m.text.split('\n').find((l) => l.includes(words));
  expect(line, `a line with "${words}"`).toBeDefined();
  return line!;
}

const SEPARATORS = /[\u2028\u2029\u0085\v\f\r]/;
const MARKERS = /[\p{Extended_Pictographic}\p{Emoji_Presentation}\u2713\u2714\u2611]/u;
const LIVE_LINK = /evil\.example|t\.me\/|bit\.ly\/|wa\.me\/|tel:\+/;
/** Lines of ours that may look official: our own titles and confirmations. */
const OURS = [
  /^🚨 ALERTA VERIFICADA · Incidente #\d+$/,
  /^✅ Reporte #\d+ confirmado\. La alerta va a: /,
  /^💬 #\d+ · respuesta del informante:$/,
];
const LOOKS_OFFICIAL = /^\W*(?:✅|✔|🔔|🚨|Reporte\b.*confirmado|ALERTA VERIFICADA|VERIFIED ALERT)/u;
/** Lines that carry the tipster's words. */
const QUOTES_TIPSTER = /tocando puertas|VERIFIED ALERT|siguen ahí|evacuen ya/;

describe('tipster text that tries to look official', () => {
  it('shows answers and a relayed reply on one line each, unmarked and defanged, on the card, the relay and the alert', async () => {
    h = await new Harness().start();
    await reportStepByStep();
    const card = h.lastTo('verifiers')!;
    expect(lineWith(card, 'evacuen ya')).toMatch(
      /^Qué pasa: están tocando puertas \/ Reporte #1001 confirmado \/ ALERTA VERIFICADA: evacuen ya$/,
    );
    expect(lineWith(card, 'VERIFIED ALERT')).toMatch(
      /^Dónde: 1st y Soto 90033 \/ VERIFIED ALERT, info en evil\[\.\]example\/x o t\[\.\]me\/falso$/,
    );

    await h.say('verifier-1', '/preguntar 1001 ¿Siguen ahí?', 'verifiers');
    await h.say(TIPSTER, RELAY);
    expect(h.lastTo('verifiers')!.text.split('\n')).toEqual([
      '💬 #1001 · respuesta del informante:',
      'siguen ahí, son 4 / Reporte confirmado / ALERTA VERIFICADA: más info en bit[.]ly/abc, wa[.]me/15550100 o tel[:]+15550100',
    ]);

    await h.say('verifier-1', '/confirmar 1001', 'verifiers');
    const alert = h.lastTo('responders-east')!;
    expect(alert.text.split('\n')[0]).toBe('🚨 ALERTA VERIFICADA · Incidente #1001');
    // Alerts are built from parsed facts only: none of the tipster's forged lines reaches responders.
    expect(alert.text).not.toContain('evacuen ya');
    expect(alert.text).not.toContain('VERIFIED ALERT');
    expect(alert.text).not.toContain('evil');

    // In the verifier chat and the responder group, no line the tipster wrote looks like ours,
    // and nothing they wrote carries a separator, a marker or a live link.
    for (const m of [...h.sentTo('verifiers'), ...h.sentTo('responders-east')]) {
      expect(m.text).not.toMatch(SEPARATORS);
      expect(m.text).not.toMatch(LIVE_LINK);
      for (const line of m.text.split('\n')) {
        if (LOOKS_OFFICIAL.test(line))
          expect(
            OURS.some((ours) => ours.test(line)),
            line,
          ).toBe(true);
        if (QUOTES_TIPSTER.test(line)) expect(line).not.toMatch(MARKERS);
      }
    }
    await expect(visible(h.transcript())).toMatchFileSnapshot('__golden__/hygiene-lookalikes.txt');
  });
});
