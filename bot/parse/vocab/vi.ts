/**
 * Vietnamese as tipsters type it on a phone, folded: most people in the US type it without
 * diacritics ("co 3 xe ICE dau truoc cho Phuoc Loc Tho"), or with them and they fold away ("đang
 * bắt người" → "dang bat nguoi"; đ folds to d). Texting short forms too: ko/k (không), bh (bây
 * giờ), hqua (hôm qua), dc (được).
 *
 * Words are single syllables, so the lists hold syllables that are telling on their own, and
 * phrases as patterns. Left out on purpose: "bay" (7), because "Bay Area police" would count 7
 * agents; "sau" (6), which is also "behind" ("sau xe" is "behind the car"); "o", "va", "do", "day"
 * as language votes, as they are Spanish and English words; "dung" as a keyword, as without its
 * marks it is both "đúng" (yes, right) and "dừng" (stop); "luc nay", which is both "now" (lúc
 * này) and "a moment ago" (lúc nãy).
 */
import type { Vocabulary } from './vocabulary.js';

/** Who is being taken: "nguoi", "mot ong", "2 nguoi", "anh hang xom". */
const PERSON =
  '(?:(?:mot|hai|ba|bon|nam|\\d+|may|vai|nhieu|nhung|cac)\\s+)?(?:nguoi|ong|ba|co|anh|chi|em|chu|bac|thanh\\s+nien|cong\\s+nhan|tho|hang\\s+xom|ho|thang|dan\\s+ong|phu\\s+nu|chong|vo|con|me|ban|chau)';

export const VI: Vocabulary = {
  lang: 'vi',
  names: ['tieng viet', 'viet', 'vietnamese', 'vietnam', 'vn', 'vietnamita'],
  keywords: {
    giup: 'help',
    'giup do': 'help',
    'giup toi': 'help',
    'giup voi': 'help',
    'tro giup': 'help',
    'cuu toi': 'help',
    'cuu voi': 'help',
    'quay lai': 'back',
    'tro lai': 'back',
    'lui lai': 'back',
    'bo qua': 'skip',
    huy: 'cancel',
    'huy bo': 'cancel',
    'ngon ngu': 'language',
    'doi ngon ngu': 'language',
    quyen: 'rights',
    'quyen loi': 'rights',
    'quyen cua toi': 'rights',
    'quyen cua ban': 'rights',
    xoa: 'stop',
    'xoa du lieu': 'stop',
    'dung lai': 'stop',
    xong: 'done',
    'xong roi': 'done',
  },
  yesNo: {
    yes: ['co', 'vang', 'da', 'u', 'dung', 'phai', 'oke', 'okie', 'duoc', 'dc'],
    no: ['khong', 'ko', 'hong', 'hok', 'kg', 'khg', 'kh', 'chua'],
    letters: {},
    dontKnowPatterns: ['(?:khong|ko|k|hong|hok)\\s+(?:biet|ro|chac)\\b'],
  },
  language: {
    strong: `toi tui minh chung khong nhieu nguoi canh dang bat nha truoc gan duong phut gio hom roi cua tai kia
      nhung mot muoi chiec trang gi dau xin vui giup nhanh lien ngay tru nhan vien dac dung tho truong
      tiem sieu benh goc biet thay xe chay cho duoc dc hok hqua bh vang chua voi lam cam dan thi thoi buoi
      tren trong ngoai duoi quanh phia`,
    weak: 'co ho bi hai ba bon nam den qua tu thu chao',
  },
  numbers: {
    words: {
      mot: 1,
      hai: 2,
      muoi: 10,
    },
    articleOne: ['mot'],
    vague: ['nhieu', 'vai', 'mot so', 'dong'],
    pairs: [
      ['muoi', 'mot', 11],
      ['muoi', 'hai', 12],
      ['muoi', 'ba', 13],
      ['muoi', 'bon', 14],
      ['muoi', 'lam', 15],
      ['muoi', 'nam', 15],
      ['hai', 'muoi', 20],
      ['ba', 'muoi', 30],
    ],
    triples: [],
    more: ['nua'],
    // Syllables that are other words too count only right before a unit ("ba nguoi", "bay xe"): "ba" is
    // the Tagalog question word, "bon" French, "nam" a year or the south, "sau" "behind", "tam" "about", "bay" and
    // "chin" English
    beforeUnit: { ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9 },
  },
  agents: {
    words: `canh dac nhan linh nguoi ong thang`,
    genericPeople: 'nguoi ong thang',
    agencies: '',
  },
  vehicles: {
    words: `xe oto`,
  },
  detention: {
    takingPatterns: [
      `(?:dang\\s+|vua\\s+|da\\s+|moi\\s+|vua\\s+moi\\s+)?(?:bat|tom|cong)\\s+(?:giu\\s+|di\\s+|mat\\s+)?${PERSON}`,
      'bi\\s+(?:ho\\s+|canh\\s+sat\\s+|ice\\s+|di\\s+tru\\s+)?(?:bat|tom|cong\\s+tay)',
      'bat\\s+giu|bat\\s+di|bat\\s+nguoi|cong\\s+tay|dua\\s+(?:\\w+\\s+){0,2}len\\s+xe|bat\\s+(?:\\w+\\s+){0,2}len\\s+xe|day\\s+(?:\\w+\\s+){0,2}len\\s+xe',
    ],
    notTakingPatterns: [
      '(?:chi|chi\\s+la|chi\\s+dang)\\s+(?:\\w+\\s+){0,2}(?:dau\\s+xe|dau|dung|ngoi|nhin|theo\\s+doi|cho|chay\\s+vong|di\\s+qua|quan\\s+sat|do\\s+xe)',
      '(?:dau\\s+xe|dau|dung|ngoi|do\\s+xe)\\s+(?:\\w+\\s+){0,3}thoi',
      '(?:khong|chua|ko|k)\\s+(?:co\\s+)?(?:bat|bat\\s+giu)\\s+(?:ai|nguoi\\s+nao)',
      '(?:khong|chua|ko)\\s+(?:co\\s+)?ai\\s+bi\\s+bat',
      '(?:khong|ko|chua)\\s+lam\\s+gi',
    ],
    unsurePatterns: ['(?:khong|ko|k)\\s+(?:biet|ro)\\s+(?:co\\s+)?(?:[^\\s]+\\s+){0,5}[^\\s]+'],
    victimVerbs: 'bat tom',
  },
  time: {
    nowPatterns: [
      'ngay\\s+bay\\s+gio|bay\\s+gio|bay\\s+h|bh|hien\\s+gio|hien\\s+tai|ngay\\s+luc\\s+nay',
      // "van o" (still at): only "van" is the time, so "o" still opens the place
      '(?:van\\s+con|van\\s+dang|con\\s+dang|hien\\s+dang)|van(?=\\s+(?:o|dau|dung|dang|con|tai)\\b)',
    ],
    earlierPatterns: ['hoi\\s+nay|hoi\\s+nao|khi\\s+nay|som\\s+hon'],
    stale: [
      { pattern: 'hom\\s+kia', daysBack: 2, hour: 12 },
      { pattern: '(?:toi|dem)\\s+(?:hom\\s+)?qua|toi\\s+hqua', daysBack: 1, hour: 21, evening: true },
      { pattern: 'chieu\\s+(?:hom\\s+)?qua|chieu\\s+hqua', daysBack: 1, hour: 16, evening: true },
      { pattern: 'sang\\s+(?:hom\\s+)?qua|sang\\s+hqua', daysBack: 1, hour: 9 },
      { pattern: 'hom\\s+qua|hqua|hom\\s+wa|hum\\s+qua', daysBack: 1, hour: 12 },
      { pattern: 'tuan\\s+truoc|tuan\\s+roi|hom\\s+no|bua\\s+truoc', daysBack: 7, hour: 12 },
      { pattern: 'sang\\s+nay|hoi\\s+sang|sang\\s+som|tu\\s+sang', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ['hom\\s+nay|hnay', 'chieu\\s+nay', 'toi\\s+nay', 'trua\\s+nay'],
    weekdays: ['thu\\s+hai', 'thu\\s+ba', 'thu\\s+tu', 'thu\\s+nam', 'thu\\s+sau', 'thu\\s+bay', 'chu\\s+nhat'],
    weekdayLeadPatterns: ['hom', 'vao'],
    fixedAgo: [
      ['vua\\s+moi|vua\\s+roi|moi\\s+day|moi\\s+vua', 5],
      ['cach\\s+day\\s+(?:it|vai)\\s+phut', 5],
      ['(?:cach\\s+day\\s+)?nua\\s+tieng(?:\\s+(?:truoc|roi))?', 30],
      ['(?:cach\\s+day\\s+)?(?:mot|1)\\s+tieng\\s+ruoi(?:\\s+(?:truoc|roi))?', 90],
    ],
    about: ['khoang', 'tam', 'chung', 'gan', 'hon'],
    units: ['ngay'],
    quantities: ['mot'],
    // "cach day 10 phut"; "10 phut truoc", "10 phut roi". "gio" is left out: "3 gio" alone is three o'clock
    agoBefore: ['cach\\s+day', 'cach\\s+nay'],
    agoAfter: ['truoc(?:\\s+day)?', 'roi'],
    unitMinutes: { phut: 1, tieng: 60, giay: 1 / 60 },
    // "luc 3 gio chieu", "3h ruoi", "8 gio toi"
    clock: {
      leads: ['luc', 'vao\\s+luc', 'hoi', 'tu\\s+luc'],
      hourMarks: ['gio', 'h'],
      half: ['ruoi'],
      am: ['sang'],
      pm: ['chieu', 'trua'],
      night: ['toi', 'dem', 'khuya'],
    },
  },
  saluteLabels: {
    size: ['so luong', 'bao nhieu'],
    activity: ['hoat dong', 'lam gi'],
    location: ['dia diem', 'o dau', 'dia chi', 'cho'],
    uniform: ['dong phuc', 'quan ao'],
    time: ['thoi gian', 'luc nao', 'khi nao'],
    equipment: ['thiet bi', 'xe'],
  },
  correctionPatterns: ['khoan', 'xin\\s+loi', 'nham', 'y\\s+toi\\s+la', 'a\\s+khong'],
  correctionOpeners: {
    patterns: ['khoan', 'xin\\s+loi', 'nham\\s+roi', 'lon\\s+roi', 'y\\s+toi\\s+la', 'khong\\s+phai'],
    shortOpeners: ['khoan', 'xin\\s+loi'],
  },
  nothingMore: ['khong', 'ko', 'khong co', 'ko co', 'het roi', 'vay thoi', 'chi vay thoi', 'khong co gi'],
  fields: {
    activity: {
      arrest: [`(?:bat|tom)\\s+(?:giu\\s+|di\\s+)?${PERSON}|bat\\s+giu|bat\\s+di|bat\\s+nguoi|cong\\s+tay|bi\\s+bat`],
      raid: ['bo\\s+rap|dot\\s+kich|rap\\s+bat|truy\\s+quet|dot\\s+bo|vay\\s+bat'],
      checkpoint: [
        'chot\\s+chan|tram\\s+kiem\\s+soat|chan\\s+xe|kiem\\s+tra\\s+(?:giay\\s+to|xe|bang\\s+lai|id)|xet\\s+giay\\s+to|hoi\\s+giay\\s+to',
      ],
      door_knocking: ['go\\s+cua|dap\\s+cua|go\\s+tung\\s+nha|tung\\s+nha|tung\\s+cua'],
      surveillance: [
        // "2 xe den dau truoc cho": a car parked (dau) somewhere
        '(?:xe|xe\\s+\\w+|dang)\\s+dau\\s+(?:o|tai|truoc|tren|gan|ben|ngoai|trong|quanh|sau|phia|ngay|lai|do)',
        'dau\\s+xe|do\\s+xe|theo\\s+doi|rinh|canh\\s+chung|quan\\s+sat|ngoi\\s+trong\\s+xe|ngoi\\s+tren\\s+xe|bam\\s+theo|theo\\s+sau',
      ],
      patrol: ['chay\\s+vong|chay\\s+qua\\s+lai|di\\s+tuan|tuan\\s+tra|di\\s+qua\\s+lai|dung\\s+(?:o|do|day|truoc|ngoai|quanh|yen|canh)'],
    },
    selfWatchingPatterns: ['(?:toi|tui|minh|chung\\s+toi)\\s+(?:dang\\s+)?(?:theo\\s+doi|nhin|quan\\s+sat|coi)'],
    markings: {
      CBP: ['tuan\\s+tra\\s+bien\\s+gioi|bien\\s+phong'],
      POLICE: ['canh\\s+sat|cong\\s+an'],
      plain_clothes: ['thuong\\s+phuc|mac\\s+do\\s+thuong|do\\s+thuong|khong\\s+mac\\s+dong\\s+phuc|quan\\s+ao\\s+binh\\s+thuong'],
      vests: ['ao\\s+(?:chong\\s+dan|giap|vest)|ao\\s+co\\s+chu'],
      masks: ['khau\\s+trang|mat\\s+na|che\\s+mat|trum\\s+mat'],
      uniforms: ['dong\\s+phuc|sac\\s+phuc'],
    },
    negations: 'khong ko chua',
    weaponPatterns: ['sung|vu\\s+khi|co\\s+vu\\s+trang|sung\\s+truong'],
    unarmedPatterns: ['khong\\s+(?:co\\s+)?(?:sung|vu\\s+khi)'],
    vehicleDescriptionPatterns: [
      'mau\\s+\\w+|(?:xe|chiec)\\s+(?:\\w+\\s+)?(?:den|trang|xam|bac|xanh|do)|kinh\\s+den|khong\\s+(?:bang|logo|bien\\s+so)',
    ],
    plateWordPatterns: ['bien\\s+so|bang\\s+so'],
    plateFillers: 'la so',
    firsthand: {
      openers: ['(?:toi|tui|minh)\\s+(?:vua\\s+)?thay|thay'],
      patterns: ['(?:toi|tui|minh|em|chung\\s+toi)\\s+(?:vua\\s+|moi\\s+|da\\s+|dang\\s+)?(?:thay|nhin\\s+thay|chung\\s+kien)'],
    },
  },
  clauses: {
    abbreviations: '',
    and: 'roi',
    but: '',
    starts: 'ho toi tui minh co dang con van bay ngay',
    between: 'giua',
  },
  streets: {
    words: 'duong pho',
    numberedLead: 'duong',
    articleBeforeNumber: '',
    boundary: 'o tai gan truoc sau ben canh goc nga trong ngoai va voi giao cua co dang bay gio hom roi luc',
    notStreet: `canh sat nguoi xe toi tui minh ho cho truong nha tho tiem sieu thi benh vien cong vien`,
    leadIn: 'o tai goc nga tu giua',
    connectors: 'va giao',
    strictConnectors: '',
    directions: 'bac nam dong tay',
    zipNext: 'khu',
    notName: `bay gio hom qua nay phut bat dau dung ngoi theo doi go cua chay vong khong`,
  },
  pieces: {
    split: 'o tai tren duoi gan truoc sau ben trong ngoai quanh',
    splitPairs: ['ben canh', 'phia truoc', 'phia sau', 'gan cho', 'truoc cua', 'ngay truoc'],
    splitBeforePlace: undefined,
    strongLocation: ['truoc', 'gan', 'sau', 'ben', 'quanh', 'ngoai', 'ben canh', 'phia truoc'],
    with: 'voi',
    of: 'cua',
    articles: '',
    locationPrepositions: 'o tai tren duoi',
    droppedPrepositions: 'tai tren',
    describePrepositions: 'mac deo',
    notPlacePhrases: ['o nha', 'tai sao', 'o day'],
    notPlace: 'sao',
    placeWords: 'truong tho tiem sieu benh goc nga duong pho tram',
    doors: 'cua',
    countLeadPatterns: ['co|co\\s+khoang|khoang|tam|chung|gan|hon|ho\\s+co'],
  },
  places: {
    nonLocationPatterns: [
      '(?:o\\s+|tai\\s+|truoc\\s+|gan\\s+|ngoai\\s+)?(?:nha|cua|duong|xom|khu|cho\\s+lam|hang\\s+xom|chung\\s+cu|can\\s+ho|so\\s+lam)\\s+(?:cua\\s+)?(?:toi|tui|minh|em|chung\\s+toi|ba|me|ong)',
      '(?:o|tai|ngay)\\s+(?:day|do|kia)|ngoai\\s+nay|gan\\s+day|quanh\\s+day|ben\\s+ngoai|ngoai\\s+kia|truoc\\s+nha',
      '(?:toi|tui|minh|em)?\\s*(?:khong|ko|k)\\s+(?:biet|nho)(?:\\s+(?:ten\\s+)?(?:duong|dia\\s+chi)(?:\\s+gi)?)?',
    ],
    placeNouns: 'cho truong tiem tho sieu benh cong tram bai toa goc nga',
    brands: [
      'phuoc\\s+loc\\s+tho',
      'asian\\s+garden\\s+mall',
      'lee.?s\\s+sandwich',
      'pho\\s+\\d+',
      '99\\s+ranch',
      'hong\\s+kong\\s+supermarket',
    ],
    fillers: `toi tui minh chung ta ho no anh chi em ong ba co chu bac ban cac nhung mot hai nam cai con chiec thi la ma
      va voi cua o tai trong ngoai tren duoi truoc sau ben canh gan xa day do kia nay ay nao gi ai dau sao the vay
      roi dang da se van con moi vua co khong ko k chua hok hong duoc dc bi bat nhin thay biet noi lam di den ve ra
      vao len xuong dung ngoi dau do xe nguoi canh sat dac vu nhan vien vui long xin loi cam on giup nhanh lien ngay
      bay gio hom qua phut khoang tam chung hon nhieu vai luc khi nha ao`,
    selfPatterns: [
      '(?:toi|tui|minh|em)\\s+(?:dang\\s+|vua\\s+)?(?:dau\\s+xe|do\\s+xe|lai\\s+xe|di\\s+ngang|chay\\s+ngang|di\\s+bo)',
      '(?:toi|tui|minh|em)\\s+(?:o|song)\\s+(?:o|tai|gan)',
    ],
  },
  messages: {
    rightsPatterns: [
      '(?:toi|tui|minh|chung\\s+toi|em)\\s+(?:nen|phai|can|co\\s+the)\\s+lam\\s+gi',
      'lam\\s+gi\\s+bay\\s+gio|phai\\s+lam\\s+sao|lam\\s+sao\\s+bay\\s+gio',
      '(?:co\\s+)?(?:phai|nen|can)\\s+mo\\s+cua|mo\\s+cua\\s+(?:khong|ko|hay\\s+khong)',
      '(?:ho|ice|canh\\s+sat)\\s+(?:co\\s+)?(?:duoc|co\\s+quyen)\\s+(?:vao|bat|kham|xet)',
      'quyen\\s+(?:cua|loi\\s+cua)\\s+(?:toi|minh|chung\\s+toi)|quyen\\s+gi',
      'khong\\s+co\\s+lenh',
    ],
    thanksPatterns: ['cam\\s+on(?:\\s+nhieu|\\s+ban|\\s+anh|\\s+chi)?|cam\\s+ong|camon|thanks\\s+nha'],
    testPatterns: ['thu\\s+nghiem|(?:dang\\s+)?thu\\s+thoi|test\\s+thu'],
    greetingPatterns: [
      'xin\\s+chao|chao\\s+(?:ban|anh|chi|em|buoi\\s+(?:sang|trua|chieu|toi))|alo',
      '(?:toi|tui|minh|em)\\s+(?:muon|can)\\s+(?:bao|bao\\s+cao|to\\s+giac)',
    ],
    questionPatterns: [
      'co\\s+(?:that|dung)\\s+(?:la\\s+)?(?:\\w+\\s+){0,8}(?:khong|ko|hong)|that\\s+(?:khong|ko)',
      'co\\s+ai\\s+biet',
      'cho\\s+(?:toi\\s+|em\\s+|minh\\s+|tui\\s+)?hoi',
      '(?:toi|tui|minh|em)\\s+nghe\\s+(?:noi|nguoi\\s+ta\\s+noi)',
      'nghe\\s+noi',
      'nguoi\\s+ta\\s+noi',
      '(?:goi|lien\\s+lac)\\s+(?:cho\\s+)?ai',
      'lam\\s+sao\\s+(?:de\\s+)?(?:tim|biet)',
      'dua\\s+(?:\\w+\\s+){0,2}di\\s+dau',
    ],
    ownDoorPatterns: [
      '(?:truoc|ngoai|o)\\s+(?:cua\\s+)?nha\\s+(?:cua\\s+)?(?:toi|tui|minh|em|chung\\s+toi)',
      '(?:go|dap)\\s+cua\\s+nha\\s+(?:toi|tui|minh|em)',
      'truoc\\s+cua\\s+nha',
    ],
    presencePatterns: ['(?:ho|ice|canh\\s+sat)\\s+(?:dang\\s+|van\\s+)?(?:o|dung|dau|tai)\\s', 'dang\\s+o\\s'],
  },
};
