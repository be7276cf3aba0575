import type { LanguageScript } from './script.js';

/** French, as typed on a phone: no accents. */
export const script: LanguageScript = {
  lang: 'fr',
  rich: 'il y a 4 agents de ICE avec des gilets qui surveillent au coin de Lisbon St et Main St maintenant, 2 SUV noirs, ils sont juste gares',
  richFields: { agents: 4, vehicles: 2, urgent: false },
  yes: 'oui',
  steps: {
    greeting: 'bonjour',
    answers: [
      'non',
      'ils frappent aux portes des appartements',
      'Bartlett St et Pine St',
      'il y a 10 minutes',
      '3 agents et 2 voitures',
      'non',
      'oui',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: 'AIDE', rights: 'droits', back: 'retour', skip: 'passer', language: 'langue', cancel: 'annuler' },
  name: 'francais',
};
