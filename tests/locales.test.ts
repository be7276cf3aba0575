/** Every language has every key, and the intake flow only names keys that exist. */
import { describe, expect, it } from 'vitest';
import { validateFlow } from '../bot/flows/flow.js';
import { intakeFlow } from '../bot/flows/intake.js';
import { createI18n, keysOf, loadLocaleResources } from '../bot/i18n/i18n.js';

describe('locales', () => {
  const resources = loadLocaleResources();
  const langs = Object.keys(resources).sort();

  it('has Spanish and English', () => {
    expect(langs).toEqual(['en', 'es']);
  });

  it('every language has exactly the same keys', () => {
    const [first, ...rest] = langs;
    const expected = keysOf(resources, first ?? 'es').sort();
    for (const lang of rest) expect(keysOf(resources, lang).sort()).toEqual(expected);
  });

  it('the intake flow is valid and its keys exist in every language', () => {
    const i18n = createI18n(resources);
    for (const lang of langs) {
      expect(validateFlow(intakeFlow, (key) => i18n.exists(key, { lng: lang, fallbackLng: false }))).toEqual([]);
    }
  });

  it('a broken flow is refused with each problem named', () => {
    const broken = structuredClone(intakeFlow);
    broken.steps.push(structuredClone(broken.steps[0]!));
    broken.steps[1]!.prompt = 'intake.nope';
    const i18n = createI18n(resources);
    const problems = validateFlow(broken, (key) => i18n.exists(key, { lng: 'es', fallbackLng: false }));
    expect(problems).toContain('steps[9].id: duplicate step "urgent"');
    expect(problems).toContain('steps[1]: missing locale key "intake.nope"');
    expect(validateFlow({ id: 'x', steps: [] })).not.toEqual([]);
  });
});
