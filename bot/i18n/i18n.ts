/**
 * Localisation: i18next with one resource file per language in `locales/<lang>/translation.json`.
 * A network edits those files to change any wording, the know-your-rights card included.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n, type Resource } from 'i18next';

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Reads every `locales/<lang>/translation.json`. */
export function loadLocaleResources(dir = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const lang of readdirSync(dir)) {
    const file = `${dir.replace(/\/$/, '')}/${lang}/translation.json`;
    if (!existsSync(file)) continue;
    resources[lang] = { translation: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
  }
  return resources;
}

/** A ready (synchronously initialised) i18next instance. */
export function createI18n(resources: Resource = loadLocaleResources(), fallbackLng = 'es'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    fallbackLng,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return instance;
}

/** Every key (dot path) of a language's resources, for completeness checks. */
export function keysOf(resources: Resource, lang: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown, prefix: string) => {
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else out.push(prefix);
  };
  walk((resources[lang] as { translation?: unknown } | undefined)?.translation, '');
  return out;
}
