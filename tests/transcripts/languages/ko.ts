/** Korean, as tipsters in Koreatown type it: particles on the nouns, native numbers before counters, English street names. */
import type { LanguageScript } from './script.js';

export const script: LanguageScript = {
  lang: 'ko',
  rich: '지금 Western Ave랑 Olympic Blvd 사거리에 ICE 요원 네 명이랑 검은색 밴 두 대가 있어요. 아무도 안 잡아갔어요, 그냥 서 있어요',
  richFields: { agents: 4, vehicles: 2, urgent: false },
  yes: '네',
  steps: {
    greeting: '안녕하세요',
    answers: [
      '아니요',
      '아파트에서 문을 두드리고 있어요',
      'Western Ave랑 8th St 교차로',
      '10분 전',
      '요원 3명, 차 2대',
      'ICE 조끼, 회색 밴 번호판 8XYZ123',
      '네',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: '도움말', rights: '권리', back: '뒤로', skip: '건너뛰기', language: '언어', cancel: '취소' },
  name: '한국어',
};
