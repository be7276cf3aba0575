import type { LanguageScript } from './script.js';

/** Brazilian Portuguese, as typed on a phone: no accents. */
export const script: LanguageScript = {
  lang: 'pt',
  rich: 'tem 4 agentes do ICE com colete vigiando na esquina da Union St com a Main St agora, 2 SUVs pretas, so estao parados',
  richFields: { agents: 4, vehicles: 2, urgent: false },
  yes: 'sim',
  steps: {
    greeting: 'oi, bom dia',
    answers: [
      'nao',
      'estao batendo nas portas dos apartamentos',
      'Howard St com Concord St',
      'faz 10 minutos',
      '3 agentes e 2 viaturas',
      'nao',
      'sim',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: 'AJUDA', rights: 'direitos', back: 'voltar', skip: 'pular', language: 'idioma', cancel: 'cancelar' },
  name: 'portugues',
};
