/** Vietnamese as tipsters in Little Saigon and San Jose type it: without diacritics. */
import type { LanguageScript } from './script.js';

export const script: LanguageScript = {
  lang: 'vi',
  rich: 'bay gio co 6 nguoi ICE va 2 xe den dau truoc cho Phuoc Loc Tho tren duong Bolsa, ho chi dung do thoi, khong bat ai',
  richFields: { agents: 6, vehicles: 2, urgent: false },
  yes: 'co',
  steps: {
    greeting: 'xin chao',
    answers: [
      'khong',
      'ho dang go cua tung nha o chung cu',
      'goc Bolsa va Brookhurst',
      '10 phut truoc',
      '3 nguoi, 2 xe',
      'ao co chu ICE, xe van xam bien so 8XYZ123',
      'co',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: 'GIUP', rights: 'QUYEN', back: 'QUAY LAI', skip: 'BO QUA', language: 'NGON NGU', cancel: 'HUY' },
  name: 'tieng viet',
};
