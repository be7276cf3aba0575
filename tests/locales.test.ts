/**
 * Every language has every key with the same placeholders, and the intake flow only names keys
 * that exist. Spanish is the reference: a key added there must be added to every language.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../bot/config/index.js';
import { validateFlow } from '../bot/flows/flow.js';
import { intakeFlow } from '../bot/flows/intake.js';
import { createI18n, keysOf, loadLocaleResources } from '../bot/i18n/i18n.js';
import { VOCABULARIES } from '../bot/parse/index.js';

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const PLURAL_SUFFIX = /_(?:zero|one|two|few|many|other)$/;

/** A plural key's base ("alert.agents" for "alert.agents_one") when Spanish has it as a plural; the key itself otherwise. */
function baseOf(key: string, pluralBases: Set<string>): string {
  const base = key.replace(PLURAL_SUFFIX, '');
  return base !== key && pluralBases.has(base) ? base : key;
}

/** The plural forms a count from 0 to 1000 takes in a language (Arabic six, Spanish two, Chinese one): i18next does not fall back from one to another. */
function pluralForms(lang: string): Set<string> {
  const rules = new Intl.PluralRules(lang);
  const forms = new Set<string>();
  for (let n = 0; n <= 1000; n++) forms.add(rules.select(n));
  return forms;
}

/** The keys a language must have: Spanish's, with each plural in the plural forms that language uses. */
function requiredKeys(lang: string, reference: string[], pluralBases: Set<string>): string[] {
  const forms = pluralForms(lang);
  const out = new Set<string>();
  for (const key of reference) {
    const base = baseOf(key, pluralBases);
    if (base === key) out.add(key);
    else for (const form of forms) out.add(`${base}_${form}`);
  }
  return [...out].sort();
}

/** The value at a dot path of a language's resources. */
function valueAt(resources: ReturnType<typeof loadLocaleResources>, lang: string, key: string): unknown {
  let node: unknown = (resources[lang] as { translation?: unknown } | undefined)?.translation;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].sort() : [];
}

describe('locales', () => {
  const resources = loadLocaleResources();
  const langs = Object.keys(resources).sort();
  const reference = keysOf(resources, 'es').sort();
  const pluralBases = new Set(reference.filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length)));

  it('has Spanish and English, and only supported languages', () => {
    expect(langs).toContain('es');
    expect(langs).toContain('en');
    for (const lang of langs) expect(SUPPORTED_LANGUAGES, `locales/${lang}`).toContain(lang);
  });

  it('every supported language has a locale and a vocabulary', () => {
    const missing = SUPPORTED_LANGUAGES.flatMap((lang) => [
      ...(langs.includes(lang) ? [] : [`locales/${lang}/translation.json`]),
      ...(VOCABULARIES[lang] ? [] : [`bot/parse/vocab/${lang}.ts`]),
    ]);
    expect(missing).toEqual([]);
  });

  describe.each(langs)('%s', (lang) => {
    it('has exactly the keys of Spanish, each plural in the forms the language uses', () => {
      const keys = keysOf(resources, lang).sort();
      const required = requiredKeys(lang, reference, pluralBases);
      const known = (k: string) => reference.includes(k) || pluralBases.has(baseOf(k, pluralBases));
      expect({ missing: required.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !known(k)) }).toEqual({
        missing: [],
        extra: [],
      });
    });

    it('keeps every placeholder of each text, and leaves no text empty', () => {
      const problems: string[] = [];
      for (const key of requiredKeys(lang, reference, pluralBases)) {
        const value = valueAt(resources, lang, key);
        if (typeof value !== 'string' || !value.trim()) {
          problems.push(`${key}: empty`);
          continue;
        }
        const base = baseOf(key, pluralBases);
        const want = placeholders(valueAt(resources, 'es', base === key ? key : `${base}_other`));
        const got = placeholders(value);
        if (want.join() !== got.join()) problems.push(`${key}: {{${want.join('}}, {{')}}} expected, got {{${got.join('}}, {{')}}}`);
      }
      expect(problems).toEqual([]);
    });

    it('names every supported language in its own words', () => {
      for (const other of SUPPORTED_LANGUAGES) expect(valueAt(resources, lang, `language.name.${other}`), other).toBeTypeOf('string');
    });

    it('has every key the intake flow names', () => {
      const i18n = createI18n(resources);
      expect(validateFlow(intakeFlow, (key) => i18n.exists(key, { lng: lang, fallbackLng: false }))).toEqual([]);
    });
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
