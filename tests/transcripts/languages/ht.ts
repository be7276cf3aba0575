/** Haitian Creole, as tipsters in Miami and Brooklyn type it: no accents, English agency letters. */
import type { LanguageScript } from './script.js';

export const script: LanguageScript = {
  lang: 'ht',
  rich: 'kounye a gen 6 ajan ICE ak 2 machin nwa devan Walmart sou Flatbush Ave, yo pa arete pesonn, yo jis kanpe la',
  richFields: { agents: 6, vehicles: 2, urgent: false },
  yes: 'wi',
  steps: {
    greeting: 'bonjou',
    answers: [
      'non',
      'y ap frape pot nan apatman yo',
      'kwen Flatbush ak Church Ave',
      'gen 10 minit',
      '3 ajan ak 2 machin',
      'ves ICE, yon kamyonet gri plak 8XYZ123',
      'wi',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: 'ED', rights: 'DWA', back: 'RETOUNEN', skip: 'SOTE', language: 'CHANJE LANG', cancel: 'ANILE' },
  name: 'kreyol',
};
