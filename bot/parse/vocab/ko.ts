/**
 * Korean as tipsters type it on a phone: particles on the nouns (경찰이, 차를, 앞에), numbers as
 * digits or native words before a counter (두 대, 세 명), English mixed in ("ICE 요원", "SUV").
 *
 * `prepareScripts` (../scripts.ts) turns numerals before a counter into digits ("두 대" → "2 대")
 * and cuts particles off the nouns this module names ("경찰이" → "경찰 이"). The counters carry
 * the unit: 명/사람 count people, 대 counts vehicles ("경찰 3 명", "차 2 대"). Verbs keep their
 * endings, so their patterns end in `[^\\s]*` ("잡아가고", "잡아갔어요").
 */
import { withScriptBounds } from './script-bounds.js';
import type { Vocabulary } from './vocabulary.js';

/** Any verb ending after a stem. */
const END = '[^\\s]*';

const WORDS: Vocabulary = {
  lang: 'ko',
  names: ['한국어', '한국말', '한글', '조선말', 'korean', 'hangugeo', 'hanguk'],
  keywords: {
    도움: 'help',
    도움말: 'help',
    도와주세요: 'help',
    뒤로: 'back',
    이전: 'back',
    건너뛰기: 'skip',
    넘기기: 'skip',
    취소: 'cancel',
    언어: 'language',
    권리: 'rights',
    '내 권리': 'rights',
    '나의 권리': 'rights',
    중지: 'stop',
    정지: 'stop',
    삭제: 'stop',
    완료: 'done',
    끝: 'done',
  },
  yesNo: {
    yes: ['네', '예', '응', '어', '그래', '그래요', '맞아', '맞아요', '맞습니다', '네네', '넵', '넹', '좋아요', '있어요', '네 맞아요'],
    no: ['아니요', '아니오', '아뇨', '아니', '아니에요', '없어요', '없음', '안돼요', '노'],
    letters: {},
    dontKnowPatterns: ['모르겠' + END, '몰라' + END, '잘\\s+모르' + END, '확실하지\\s+않' + END],
  },
  language: {
    strong: `지금 경찰 요원 이민국 이민세관단속국 단속 차 차량 밴 트럭 명 대 사람 남자 앞 근처 옆 건너편 뒤 사거리 교차로 길 거리 도로
      방금 아까 분 시간 전 어제 오늘 아침 저녁 밤 있어요 있습니다 있어 있음 했어요 잡아 체포 연행 데려 끌고 검은색 흰색 회색 은색
      조끼 마스크 사복 제복 총 번호판 마트 학교 교회 공원 식당 가게 공장 집 우리 제 저 내 그 이 여기 거기 저기 도와 주세요 감사
      합니다 안녕하세요 무슨 어떻게 몇 명이 요 은 는 이 가 을 를 에 에서 으로 로 도 와 과 랑 하고`,
    weak: '',
  },
  numbers: {
    words: {
      하나: 1,
      둘: 2,
      셋: 3,
      넷: 4,
      다섯: 5,
      여섯: 6,
      일곱: 7,
      여덟: 8,
      아홉: 9,
      스물: 20,
    },
    articleOne: [],
    vague: ['여러', '몇', '많은', '많이', '여럿', '다수', '몇몇', '한무리', '무리', '수십', '많아요'],
    pairs: [],
    triples: [],
    more: ['더'],
    beforeUnit: { 열: 10 },
    counters: '명 대 개',
  },
  agents: {
    words: `경찰 경찰관 경관 요원 요원들 단속반 단속요원 수사관 연방요원 이민요원 이민국요원 직원 보안관 국경순찰대 특수요원 사복경찰
      명 사람 사람들 남자 남자들 남성 여자 놈 놈들 녀석`,
    genericPeople: '명 사람 사람들 남자 남자들 남성 여자',
    agencies: '이민국 이민세관단속국 이민단속국 국토안보부 연방수사국 이민청',
  },
  vehicles: {
    words: `차 차량 차들 자동차 밴 승합차 봉고 트럭 픽업 픽업트럭 경찰차 순찰차 세단 지프 버스 대 suv 에스유비 승용차 봉고차`,
  },
  detention: {
    takingPatterns: [
      `잡아${END}|잡혀${END}|체포${END}|연행${END}|구금${END}|수갑${END}|끌고\\s*가${END}|끌려${END}|데려가${END}|데리고\\s*가${END}|붙잡${END}|구속${END}`,
      `(?:사람|남자|여자|아저씨|아줌마|이웃|아빠|엄마|남편|아내|노동자|일꾼)(?:\\s*들)?\\s*(?:을|를)?\\s*(?:잡${END}|태우${END}|태워${END}|끌${END})`,
    ],
    notTakingPatterns: [
      `아무도\\s*(?:안\\s*)?(?:잡${END}|체포${END}|연행${END}|안\\s*잡${END})`,
      `(?:그냥|그저|단지|서있기만|주차만|보기만)\\s*(?:[^\\s]+\\s+){0,2}(?:서\\s*있${END}|주차(?!장)${END}|세워져${END}|보고\\s*있${END}|지켜보${END}|기다리${END}|돌아다니${END}|지나가${END}|앉아${END})`,
      `잡아가지\\s*(?:는\\s*)?않${END}|체포하지\\s*(?:는\\s*)?않${END}|안\\s*잡아${END}`,
    ],
    unsurePatterns: [`(?:잡아갔는지|체포했는지|데려갔는지|연행했는지)\\s*(?:는\\s*)?(?:모르${END}|잘\\s*모르${END}|확실하지${END})`],
    victimVerbs: '잡아간 잡아갔어요 체포된 체포했어요 데려간 데려갔어요 연행된',
  },
  time: {
    nowPatterns: [`지금|현재|지금도|아직도|아직|실시간|당장`, `(?:아직|계속)\\s*(?:거기|여기|저기)?\\s*있${END}`],
    earlierPatterns: ['오늘\\s*(?:아까|일찍)|아침\\s*일찍부터|오전에'],
    stale: [
      { pattern: '그저께|그제|엊그제', daysBack: 2, hour: 12 },
      { pattern: `어젯밤|어제\\s*밤|어제\\s*저녁|어제\\s*밤에|어제\\s*저녁에`, daysBack: 1, hour: 21, evening: true },
      { pattern: '어제\\s*오후', daysBack: 1, hour: 16, evening: true },
      { pattern: '어제\\s*(?:아침|오전)', daysBack: 1, hour: 9 },
      { pattern: '어제', daysBack: 1, hour: 12 },
      { pattern: '지난주|지난\\s*주|며칠\\s*전', daysBack: 7, hour: 12 },
      { pattern: '오늘\\s*아침|아침에|오늘\\s*새벽|새벽에|아침', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ['오늘', '오후|저녁|오늘\\s*밤'],
    weekdays: ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'],
    weekdayLeadPatterns: ['지난|이번'],
    fixedAgo: [
      ['방금|방금\\s*전|금방|막', 5],
      ['조금\\s*전|좀\\s*전|잠시\\s*전|아까', 15],
      ['30\\s*분\\s*전|반\\s*시간\\s*전', 30],
      ['1\\s*시간\\s*전|한\\s*시간\\s*전', 60],
    ],
    about: ['약', '대략', '한', '쯤', '정도', '거의'],
    units: ['분', '시간', '초', '일'],
    quantities: ['반', '몇'],
    agoBefore: [],
    agoAfter: ['(?:쯤\\s*|정도\\s*)?(?:전에|전)'],
    unitMinutes: { 분: 1, 시간: 60, 초: 1 / 60, 일: 1440 },
    clock: {
      leads: [],
      hourMarks: ['시'],
      half: ['반'],
      am: ['오전|아침|새벽'],
      pm: ['오후|낮'],
      night: ['저녁|밤'],
    },
  },
  saluteLabels: {
    size: ['규모', '인원', '몇 명', '수'],
    activity: ['활동', '행동', '무엇을'],
    location: ['위치', '장소', '주소', '어디'],
    uniform: ['복장', '제복', '옷'],
    time: ['시간', '언제'],
    equipment: ['장비', '차량'],
  },
  correctionPatterns: ['아니\\s*잠깐', '잠깐만?', '정정', '다시\\s*말하면', '제\\s*말은', '아니\\s*그게\\s*아니라', '아니'],
  correctionOpeners: {
    patterns: ['아니\\s*잠깐', '잠깐만?', '정정', '죄송', '아니요?', '제\\s*말은'],
    shortOpeners: ['잠깐', '잠깐만', '아니'],
  },
  nothingMore: ['없어요', '없습니다', '없음', '그게 다예요', '그게 다야', '끝', '이게 다예요', '없어'],
  fields: {
    activity: {
      // Not after a negation: "아무도 안 잡아갔어요" is nobody taken
      arrest: [
        `(?<!(?:안|못)\\s*)(?:잡아${END}|잡혀${END}|체포${END}|연행${END}|구금${END}|수갑${END}|끌고\\s*가${END}|끌려${END}|데려가${END}|붙잡${END})`,
      ],
      raid: [`단속${END}|급습${END}|들이닥${END}|습격${END}|덮쳤${END}|덮쳐${END}|수색${END}`],
      checkpoint: [`검문소|검문${END}|바리케이드|차\\s*세우고|신분증\\s*검사${END}`],
      door_knocking: [
        `문\\s*(?:을|를)?\\s*두드리${END}|문\\s*(?:을|를)?\\s*두들기${END}|노크${END}|집집마다|가가호호|문\\s*(?:을|를)?\\s*두드려${END}`,
      ],
      surveillance: [
        `주차(?!장)${END}|세워져${END}|세워\\s*놓${END}|감시${END}|지켜보${END}|미행${END}|따라오${END}|따라다니${END}|잠복${END}|대기${END}`,
      ],
      patrol: [`순찰${END}|돌아다니${END}|서\\s*있${END}|서있${END}|왔다\\s*갔다${END}|배회${END}`],
    },
    selfWatchingPatterns: [`(?:제가|내가|저는|나는)\\s*(?:지금\\s*)?(?:보고\\s*있${END}|지켜보${END}|보는\\s*중)`],
    markings: {
      CBP: ['국경순찰대|국경\\s*순찰'],
      DHS: ['국토안보부'],
      POLICE: ['경찰' + END + '|보안관'],
      plain_clothes: ['사복' + END + '|평상복|일반\\s*옷|제복\\s*(?:을|은)?\\s*안\\s*입' + END],
      vests: ['조끼|방탄조끼|방탄'],
      masks: ['마스크|복면|얼굴\\s*(?:을|를)?\\s*가리' + END + '|두건'],
      uniforms: ['제복|유니폼|군복'],
    },
    negations: '안 없 없는 없이 아니',
    weaponPatterns: ['총' + END + '|무기|권총|소총|장총|무장' + END + '|테이저'],
    unarmedPatterns: [
      '비무장|무기\\s*(?:는|가)?\\s*(?:없' + END + '|안\\s*보' + END + ')|총\\s*(?:은|이)?\\s*(?:없' + END + '|안\\s*보' + END + ')',
    ],
    vehicleDescriptionPatterns: [
      '검은색|검정색|검정|까만|흰색|하얀|흰|회색|은색|파란색|빨간색|초록색|짙은|어두운',
      '표시\\s*(?:가|없' + END + ')|무표시|로고\\s*(?:가|없' + END + ')|선팅' + END + '|썬팅' + END + '|틴팅' + END,
    ],
    plateWordPatterns: ['번호판|차량번호|차\\s*번호|넘버'],
    plateFillers: '은 는 이 가 번호 : 이고 이에요 입니다',
    firsthand: {
      openers: ['봤' + END + '|보고\\s*있' + END],
      patterns: [`(?:제가|내가|저는|나는|직접)\\s*(?:지금\\s*)?(?:봤${END}|보고\\s*있${END}|목격${END}|보는\\s*중)|목격${END}|눈앞에서`],
    },
  },
  clauses: {
    abbreviations: '',
    and: '그리고 하고 랑 이랑 와 과',
    but: '근데 그런데 하지만 그러나',
    starts: '그리고 지금 또 그다음 아까 방금 제가 저는 그들은 그들이',
    between: '',
  },
  streets: {
    words: '길 로 거리 도로 대로 사거리 교차로 고속도로 번길 가',
    numberedLead: '',
    articleBeforeNumber: '',
    boundary: `에 에서 앞 근처 옆 건너편 뒤 사이 쪽 이 가 은 는 을 를 으로 로 지금 랑 하고 와 과 있어요 있습니다`,
    notStreet: `경찰 요원 이민국 차 차량 밴 트럭 사람 남자 명 대 조끼 마스크 사복 제복 저 제 우리 그들 지금 방금 아까 분 시간 학교 마트
      교회 공원 집 가게 식당`,
    leadIn: '',
    connectors: '랑 이랑 하고 와 과 and',
    strictConnectors: '',
    directions: '동 서 남 북',
    zipNext: '우편번호 지역',
    notName: '지금 방금 아까 어제 오늘 분 시간 전 단속 체포 순찰 주차 아무도 뭔가',
  },
  pieces: {
    split: '있어요 있습니다 있어 있음 있고 있는데 입고 쓰고 타고 보고',
    splitAfter: '에 에서 이 가 을 를 으로',
    splitPairs: [],
    splitBeforePlace: undefined,
    strongLocation: ['근처', '앞', '옆', '건너편', '맞은편', '뒤', '주변', '안', '밖'],
    with: '',
    of: '의',
    articles: '',
    locationPrepositions: '에 에서',
    droppedPrepositions: '에 에서',
    describePrepositions: '입고 쓰고 타고',
    notPlacePhrases: [],
    notPlace: '아침 오후 저녁 밤 시간 분',
    placeWords: `마트 슈퍼 학교 초등학교 중학교 고등학교 교회 성당 공원 가게 상점 시장 식당 병원 법원 정류장 버스정류장 지하철역 역 광장
      쇼핑몰 주차장 주유소 세탁소 세차장 공장 창고 빌딩 건물 아파트 사거리 교차로 길 거리 도로 앞 근처 옆 건너편 맞은편 입구 주소 코너 모퉁이`,
    doors: '문 현관 현관문 대문',
    countLeadPatterns: ['약|대략|한|거의|총|모두'],
  },
  places: {
    nonLocationPatterns: [
      `(?:우리|제|내|저희)\\s*(?:집|동네|거리|골목|아파트|건물|직장|회사|가게|문|현관|마당)${END}`,
      '여기|거기|저기|이\\s*근처|근처|밖|밖에|바깥|집\\s*앞|바로\\s*앞|옆집|이웃집',
      `(?:길\\s*이름|주소|거리\\s*이름)\\s*(?:은|는|을|를)?\\s*(?:잘\\s*)?(?:모르${END}|몰라${END})`,
      '모르겠' + END + '|몰라' + END,
    ],
    placeNouns: `마트 슈퍼 슈퍼마켓 학교 초등학교 중학교 고등학교 대학교 교회 성당 절 공원 가게 상점 시장 식당 병원 법원 정류장 버스정류장
      지하철역 역 광장 쇼핑몰 주차장 주유소 세탁소 세차장 공장 창고 빌딩 건물 아파트 입구 은행 우체국 도서관 호텔 모텔 공사장 집 문 현관`,
    brands: [
      '월마트',
      'h\\s*마트',
      '에이치\\s*마트',
      '타겟',
      '코스트코',
      '홈디포',
      '맥도날드',
      '스타벅스',
      '한아름',
      'h\\s*mart',
      '에이치마트',
      '시온마켓',
      '갤러리아',
      '한남체인',
      '세븐일레븐',
    ],
    fillers: `한인 한국 앞 근처 옆 건너편 맞은편 주변 뒤 안 밖 쪽 은 는 이 가 을 를 에 에서 으로 로 도 와 과 랑 이랑 하고 의 그 이 저 제 내 우리 저희 그들 지금 좀 막 그냥 요 거 것 있어요 있어 있음
      있습니다 여기 거기 저기 모르겠어요 몰라요 이름`,
    selfPatterns: [
      `(?:제가|내가|저는|나는)\\s*(?:[^\\s]+\\s+){0,2}(?:주차했${END}|운전하${END}|지나가${END}|걸어가${END}|살아${END}|살고${END})`,
    ],
  },
  messages: {
    rightsPatterns: [
      `(?:어떻게|뭘|무엇을)\\s*(?:해야|하면)${END}`,
      `문\\s*(?:을|를)?\\s*(?:열어야|열어\\s*줘야|열어줘야)${END}`,
      `(?:대답해야|서명해야|말해야|보여줘야)${END}`,
      `(?:들어올|들어와도|체포할|수색할)\\s*수\\s*(?:있${END})`,
      '제\\s*권리|내\\s*권리|나의\\s*권리|권리가\\s*뭐|어떤\\s*권리',
      '영장\\s*(?:이|도)?\\s*없' + END,
    ],
    thanksPatterns: ['감사합니다|감사해요|고맙습니다|고마워요|고마워|감사|땡큐'],
    testPatterns: ['테스트|시험'],
    greetingPatterns: ['안녕하세요|안녕|여보세요|좋은\\s*아침', `신고\\s*(?:하고\\s*싶${END}|할게${END}|하려고${END}|합니다)`],
    questionPatterns: [
      `(?:사실|진짜|정말)\\s*(?:이에요|인가요|이야|예요|입니까)\\??`,
      `누가\\s*(?:알${END})|아시는\\s*분`,
      `(?:들었${END}|들었는데|소문)`,
      `(?:누구|어디)\\s*(?:에게|한테|에)\\s*(?:연락|전화)${END}`,
      `(?:어디로|어디에)\\s*(?:데려${END}|잡혀${END}|끌려${END})`,
      `어떻게\\s*(?:찾${END}|알${END}|연락${END})`,
    ],
    presencePatterns: [`(?:그들|경찰|요원|이민국|ice)\\s*(?:이|가|은|는)?\\s*(?:[^\\s]+\\s+){0,2}(?:있${END}|왔${END}|나타났${END})`],
    ownDoorPatterns: [
      `(?:우리|제|내|저희)\\s*(?:집|아파트)\\s*(?:앞|문|현관|마당)?|(?:우리|제|내|저희)\\s*(?:집\\s*)?(?:문|현관)\\s*(?:을|를)?\\s*두드리${END}`,
    ],
  },
};

/** The Korean vocabulary: every pattern starts at a Korean word boundary ("막" is not inside "마지막"); particles and endings may follow. */
export const KO: Vocabulary = withScriptBounds(WORDS, { start: '(?<![\\uac00-\\ud7af])', end: '' });
