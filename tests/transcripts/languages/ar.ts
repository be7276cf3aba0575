/** Arabic, as tipsters in Dearborn type it: Levantine colloquial, Arabic-Indic digits, English street names and "ICE". */
import type { LanguageScript } from './script.js';

export const script: LanguageScript = {
  lang: 'ar',
  rich: 'هلق في ٥ عناصر ICE و سيارتين سودا قدام Walmart على Warren Ave، ما مسكوا حدا، بس واقفين',
  richFields: { agents: 5, vehicles: 2, urgent: false },
  yes: 'نعم',
  steps: {
    greeting: 'مرحبا',
    answers: [
      'لا',
      'عم يدقوا على الأبواب بالعمارة',
      'تقاطع Warren Ave و Wyoming',
      'من ١٠ دقايق',
      '٣ عناصر و سيارتين',
      'سترات ICE، فان رمادي نمرة 8XYZ123',
      'نعم',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: 'مساعدة', rights: 'حقوق', back: 'رجوع', skip: 'تخطي', language: 'لغة', cancel: 'إلغاء' },
  name: 'العربية',
};
