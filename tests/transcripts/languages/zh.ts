/** Chinese, as tipsters in the San Gabriel Valley type it: Simplified with some Traditional, English street names and "ICE". */
import type { LanguageScript } from './script.js';

export const script: LanguageScript = {
  lang: 'zh',
  rich: '现在Garvey Ave和Atlantic Blvd路口有5个ICE和兩輛黑色SUV，没有抓人，只是停着',
  richFields: { agents: 5, vehicles: 2, urgent: false },
  yes: '是',
  steps: {
    greeting: '你好',
    answers: [
      '不是',
      '他们在公寓敲门',
      'Garvey Ave和New Ave路口',
      '10分钟前',
      '三个探员，两辆车',
      'ICE背心，一辆灰色面包车，车牌8XYZ123',
      '是',
    ],
  },
  stepFields: { agents: 3, vehicles: 2 },
  keywords: { help: '帮助', rights: '权利', back: '返回', skip: '跳过', language: '语言', cancel: '取消' },
  name: '中文',
};
