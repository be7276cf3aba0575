/**
 * Golden transcripts in each language besides Spanish and English, table-driven: each file in
 * ./languages/ (see script.ts there) gives a language's messages, and every language gets the
 * same four conversations against the real runtime: a rich first message reaching the review in
 * one reply, a step-by-step tip, the keywords, and a switch into the language from Spanish.
 * The network here speaks all ten languages, so detection has to pick the right one.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, SUPPORTED_LANGUAGES, type Config } from '../../bot/config/index.js';
import { VOCABULARIES } from '../../bot/parse/index.js';
import { Harness } from '../support/harness.js';
import type { LanguageScript } from './languages/script.js';

const DIR = fileURLToPath(new URL('./languages/', import.meta.url));
const scripts: LanguageScript[] = [];
for (const file of readdirSync(DIR)
  .filter((f) => /^[a-z]{2}\.ts$/.test(f))
  .sort()) {
  scripts.push(((await import(`./languages/${file}`)) as { script: LanguageScript }).script);
}

const config: Config = { ...structuredClone(DEMO_CONFIG), network: { ...DEMO_CONFIG.network, languages: [...SUPPORTED_LANGUAGES] } };

let h: Harness;
let running: Harness | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(): Promise<void> {
  h = await new Harness({ config }).start();
  running = h;
}

async function answer(who: string, text: string): Promise<void> {
  h.now += 20_000;
  await h.send(who, { text });
}

function fieldsOf(report: { fields: string } | undefined): { size?: { agents?: number; vehicles?: number } } {
  return JSON.parse(report?.fields ?? '{}') as { size?: { agents?: number; vehicles?: number } };
}

it('has a script for every language with a vocabulary, Spanish and English aside', () => {
  const missing = Object.keys(VOCABULARIES).filter((l) => l !== 'es' && l !== 'en' && !scripts.some((s) => s.lang === l));
  expect(missing).toEqual([]);
});

describe.each(scripts.map((s) => [s.lang, s] as const))('%s transcripts', (lang, s) => {
  const golden = (name: string) => `__golden__/languages/${lang}-${name}.txt`;

  it('a rich first message reaches the review in one reply, in the language, and is sent', async () => {
    await start();
    await h.send('tip', { text: s.rich });
    const first = h.sentTo('tip');
    expect(first.map((m) => m.keys)).toEqual([
      ['intake.safety', 'intake.hotline'],
      ['intake.review.title', '(summary)', 'intake.review.instructions'],
    ]);
    await answer('tip', s.yes);
    const [report] = h.reports();
    expect(report).toMatchObject({ lang, status: 'new', urgent: s.richFields.urgent ? 1 : 0 });
    expect(fieldsOf(report).size).toMatchObject({ agents: s.richFields.agents, vehicles: s.richFields.vehicles });
    expect(h.sentTo('verifiers')).toHaveLength(1);
    await expect(h.transcript()).toMatchFileSnapshot(golden('rich'));
  });

  it('a step-by-step tip reaches the review and is sent', async () => {
    await start();
    await h.send('tip', { text: s.steps.greeting });
    expect(h.lastTo('tip')?.keys).toEqual(['intake.urgent.ask']);
    for (const a of s.steps.answers) await answer('tip', a);
    expect(h.lastTo('tip')?.keys).toContain('intake.review.title');
    await answer('tip', s.yes);
    const [report] = h.reports();
    expect(report).toMatchObject({ lang, status: 'new' });
    expect(fieldsOf(report).size).toMatchObject(s.stepFields);
    await expect(h.transcript()).toMatchFileSnapshot(golden('step-by-step'));
  });

  it('keywords: help, rights, skip, back, language, cancel', async () => {
    await start();
    await h.send('tip', { text: s.steps.greeting });
    await answer('tip', s.keywords.help);
    expect(h.sentTo('tip').at(-2)?.keys).toEqual(['intake.hotline', 'intake.help']);
    await answer('tip', s.keywords.rights);
    expect(h.sentTo('tip').at(-2)?.keys?.[0]).toBe('rights.card');
    await answer('tip', s.steps.answers[0]);
    await answer('tip', s.keywords.skip); // what happened is required: asked again
    expect(h.sentTo('tip').at(-2)?.keys).toEqual(['intake.skip_required']);
    await answer('tip', s.keywords.back);
    expect(h.lastTo('tip')?.keys).toEqual(['intake.urgent.ask']);
    await answer('tip', s.keywords.language);
    expect(h.lastTo('tip')?.keys).toEqual(['language.menu']);
    expect(h.lastTo('tip')?.choices).toHaveLength(SUPPORTED_LANGUAGES.length);
    await answer('tip', s.name);
    expect(h.sentTo('tip').at(-2)?.keys).toEqual(['language.set']);
    await answer('tip', s.keywords.cancel);
    expect(h.lastTo('tip')?.keys).toEqual(['intake.cancelled']);
    expect(h.reports()).toHaveLength(0);
    await expect(h.transcript()).toMatchFileSnapshot(golden('keywords'));
  });

  it('switches into the language from Spanish with IDIOMA and the language menu', async () => {
    await start();
    await h.send('tip', { text: 'hola' });
    await answer('tip', 'IDIOMA');
    await answer('tip', String(SUPPORTED_LANGUAGES.indexOf(lang) + 1));
    const set = h.sentTo('tip').at(-2);
    expect(set?.keys).toEqual(['language.set']);
    await answer('tip', s.steps.answers[0]);
    await answer('tip', s.steps.answers[1]);
    expect(h.lastTo('tip')?.keys).toEqual(['intake.location.ask']);
    await expect(h.transcript()).toMatchFileSnapshot(golden('switch'));
  });
});
