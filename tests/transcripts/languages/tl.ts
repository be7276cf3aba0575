/** Tagalog as Filipino tipsters in California type it: Taglish, no accents, texting spellings. */
import type { LanguageScript } from './script.js';

export const script: LanguageScript = {
  lang: 'tl',
  rich: 'ngayon may 5 ICE agents, 2 itim na SUV sa harap ng Jollibee sa Mission St, nakatayo lang sila, walang hinuhuli',
  richFields: { agents: 5, vehicles: 2, urgent: false },
  yes: 'oo',
  steps: {
    greeting: 'kumusta po',
    answers: [
      'hindi',
      'kumakatok sila sa mga pinto sa apartment',
      'kanto ng Mission St at Geneva Ave',
      'mga 10 minuto na',
      '3 pulis, 2 van',
      'naka-vest na ICE, gray na van plaka 8XYZ123',
      'oo',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: 'TULONG', rights: 'KARAPATAN', back: 'BALIK', skip: 'LAKTAW', language: 'WIKA', cancel: 'KANSELAHIN' },
  name: 'tagalog',
};
