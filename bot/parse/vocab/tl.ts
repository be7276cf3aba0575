/**
 * Tagalog (Filipino) as tipsters type it on a phone: folded, Taglish (English words mixed in
 * freely: "may ICE agents sa harap ng Seafood City"), texting spellings (ngaun, andun, dun, yung)
 * and the Spanish-derived numbers (dos, kwatro, singko).
 *
 * Tagalog borrows many Spanish words (lunes, sabado, kotse, oras, pero, trabaho): none of those
 * votes for Tagalog, so a Spanish tip is never read as Tagalog. Left out too: "at" (and) as a
 * clause joiner, because it is English "at" ("agents at the corner"); "ate" (older sister) and
 * "may" (there is) as language votes, because they are English words.
 */
import type { Vocabulary } from './vocabulary.js';

/** Who is being taken: "yung lalaki", "si kuya", "ang kapitbahay namin", "dalawang tao". */
const PERSON =
  '(?:(?:ang|yung|ung|si|sina|isang|mga|ang\\s+mga|yung\\s+mga)\\s+)?(?:(?:dalawang|tatlong|\\d+(?:\\s+na)?)\\s+)?(?:tao|lalaki|babae|kapitbahay|trabahador|manggagawa|kuya|ate|tatay|nanay|tito|tita|pinsan|kaibigan|asawa|anak|kapatid|bata|mama|papa|lolo|lola)';

export const TL: Vocabulary = {
  lang: 'tl',
  names: ['tagalog', 'filipino', 'pilipino', 'tagalo', 'taglish', 'pinoy'],
  keywords: {
    tulong: 'help',
    saklolo: 'help',
    'tulungan mo ako': 'help',
    balik: 'back',
    bumalik: 'back',
    laktaw: 'skip',
    laktawan: 'skip',
    kanselahin: 'cancel',
    ikansela: 'cancel',
    wika: 'language',
    lengguwahe: 'language',
    lenggwahe: 'language',
    karapatan: 'rights',
    'mga karapatan': 'rights',
    'aking karapatan': 'rights',
    'karapatan ko': 'rights',
    'mga karapatan ko': 'rights',
    burahin: 'stop',
    itigil: 'stop',
    tapos: 'done',
    'tapos na': 'done',
  },
  yesNo: {
    yes: ['oo', 'opo', 'oho', 'oum', 'sige', 'tama', 'oonga'],
    no: ['hindi', 'hinde', 'hnd', 'hndi', 'di', 'wala', 'ayaw'],
    letters: {},
    dontKnowPatterns: ['(?:hindi|hinde|di)\\s+(?:ko\\s+)?(?:alam|sigurado|tiyak)\\b', '(?:hindi|di)\\s+ako\\s+sigurado\\b'],
  },
  language: {
    strong: `ang mga ng nang po opo ito iyan yan iyon yun yung ung dito diyan dyan doon dun ngayon ngaun kanina
      kahapon kagabi mayroon meron ako kami tayo sila siya nila namin natin kayo ahente sasakyan lalaki
      hinuli hinuhuli kinuha dinampot nakita nakatayo nakaparada harap harapan tapat likod tabi malapit
      kanto kalye simbahan paaralan eskwelahan tindahan palengke bahay pinto kumakatok salamat tulong paki
      pakiusap magandang umaga hapon gabi isa dalawa tatlo apat anim pito walo siyam sampu dalawang
      tatlong limang oras lang din rin naman kasi nasa nandito nandiyan nandyan nandoon nandun andito
      andyan andun nga talaga hindi wala oo sige grabe kuya tito tita kapitbahay nila kanila pulis
      nanghuhuli nanghuli isinakay posas naka huwag bilis agad tumawag`,
    weak: 'sa na ay si ni',
  },
  numbers: {
    words: {
      isa: 1,
      isang: 1,
      dalawa: 2,
      dalawang: 2,
      tatlo: 3,
      tatlong: 3,
      apat: 4,
      lima: 5,
      limang: 5,
      anim: 6,
      pito: 7,
      pitong: 7,
      walo: 8,
      walong: 8,
      siyam: 9,
      sampu: 10,
      sampung: 10,
      labindalawa: 12,
      labinlima: 15,
      dalawampu: 20,
      kwatro: 4,
      kuwatro: 4,
      singko: 5,
      sais: 6,
      siyete: 7,
      syete: 7,
      otso: 8,
      nuwebe: 9,
      diyes: 10,
      dose: 12,
      kinse: 15,
      bente: 20,
      beinte: 20,
      trenta: 30,
    },
    articleOne: ['isang'],
    vague: ['marami', 'maraming', 'madami', 'madaming', 'ilang', 'ilan', 'kaunti', 'konti'],
    pairs: [],
    triples: [],
    more: ['pa'],
    beforeUnit: {},
  },
  agents: {
    // "mga 8 sila" (they are about 8): "sila" after a number counts them
    words: `ahente ahenteng pulis pulisya opisyal opisyales sundalo tanod imigrasyon lalaki lalake tao sila`,
    genericPeople: 'lalaki lalake tao sila',
    agencies: '',
  },
  vehicles: {
    words: `sasakyan kotse trak trok dyip awto`,
  },
  detention: {
    takingPatterns: [
      'hinuhuli|inaaresto|dinadampot|dinadakip|pinoposasan|isinasakay|sinasakay|nanghuhuli|hinahabol',
      'hinuli|inaresto|dinampot|dinakip|pinosasan|isinakay|nahuli\\s+(?:ng|nila|ang|si|yung)|nadampot|nanghuli',
      `(?:kinuha|kinukuha|hinila|sinakay)\\s+(?:nila\\s+|ng\\s+(?:ice|pulis|ahente)\\s+)?${PERSON}`,
      '(?:may|meron|mayroong?)\\s+(?:silang\\s+)?(?:hinuhuli|hinuli|dinampot|kinuha|inaresto|dinadampot)',
      'inarest(?:o)?|inaarest|nag-?aaresto|inaaresto|ina-?arrest|in-?arrest',
      'nilagyan\\s+ng\\s+posas|may\\s+posas|naka-?posas',
    ],
    notTakingPatterns: [
      '(?:nakatayo|nakaparada|naka-?park\\w{0,4}|nakaupo|nakatambay|nagbabantay|nanonood|naghihintay|nagmamasid|umiikot|dumaan|paikot-?ikot|nag-?iikot)\\s+(?:\\w+\\s+){0,3}(?:lang|lamang)',
      '(?:lang|lamang)\\s+(?:\\w+\\s+){0,2}(?:nakatayo|nakaparada|naka-?park\\w{0,4}|nakaupo|nakatambay|nagbabantay|nanonood|naghihintay|nagmamasid)',
      '(?:wala|walang)\\s+(?:pa\\s+)?(?:silang\\s+|naman\\s+)?(?:hinuli|hinuhuli|dinampot|kinuha|inaresto|nahuli|dinakip)',
      '(?:hindi|di)\\s+(?:naman\\s+)?(?:sila\\s+)?(?:nanghuli|nanghuhuli|humuli|nag-?aresto|nang-?aresto)',
      'wala\\s+(?:silang\\s+)?ginagawa',
    ],
    unsurePatterns: ['(?:hindi|hinde|di)\\s+ko\\s+alam\\s+kung\\s+(?:[^\\s]+\\s+){0,5}[^\\s]+'],
    victimVerbs: 'hinuli hinuhuli dinampot dinadampot kinuha kinukuha inaresto inaaresto dinakip pinosasan isinakay nahuli',
  },
  time: {
    nowPatterns: [
      'ngayon\\s+mismo|ngayon\\s+na|ngayon|ngayun|ngaun|ngyon|ngaon|kasalukuyan',
      '(?:nandiyan|nandyan|andyan|andiyan|nandoon|nandun|andun|andoon|nandito|andito|naroon|naroroon)\\s+pa(?:\\s+(?:rin|din|sila))?',
      '(?:hanggang\\s+)?ngayon\\s+(?:nandyan|andyan|andun|nandun|andito)',
    ],
    earlierPatterns: ['kanina\\s+pa', 'kanina(?!\\s+lang)', 'kaninang\\s+(?:tanghali|hapon)'],
    stale: [
      { pattern: 'kamakalawa', daysBack: 2, hour: 12 },
      { pattern: 'kagabi|kahapon\\s+ng\\s+gabi|kgabi', daysBack: 1, hour: 21, evening: true },
      { pattern: 'kahapon\\s+ng\\s+hapon', daysBack: 1, hour: 16, evening: true },
      { pattern: 'kahapon\\s+ng\\s+umaga', daysBack: 1, hour: 9 },
      { pattern: 'kahapon|kahapun|khapon|kahpon', daysBack: 1, hour: 12 },
      {
        pattern: 'nakaraang\\s+linggo|noong\\s+isang\\s+linggo|nung\\s+isang\\s+linggo|noong\\s+isang\\s+araw|nung\\s+isang\\s+araw',
        daysBack: 7,
        hour: 12,
      },
      { pattern: 'kaninang\\s+(?:umaga|madaling\\s+araw)|ngayong\\s+umaga|kanina\\s+umaga', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ['ngayong\\s+(?:araw|hapon|gabi)', 'kanina(?:ng\\s+hapon)?'],
    weekdays: ['lunes', 'martes', 'miyerkules', 'huwebes', 'biyernes', 'sabado', 'linggo'],
    weekdayLeadPatterns: ['noong', 'nung', 'nakaraang'],
    fixedAgo: [
      ['kanina\\s+lang|kani-?kanina\\s+lang|kakaalis\\s+lang', 15],
      ['ngayon\\s+lang', 5],
      ['(?:mga\\s+)?kalahating\\s+oras(?:\\s+na)?(?:\\s+ang\\s+nakalipas)?', 30],
    ],
    about: ['mga', 'halos', 'humigit-kumulang', 'siguro', 'mahigit'],
    units: ['minuto', 'minutos', 'segundo', 'araw'],
    quantities: ['isang'],
    // "10 minuto na ang nakalipas", "mga 10 mins na"
    agoBefore: [],
    agoAfter: ['na\\s+ang\\s+nakalipas', 'nang\\s+nakalipas', 'ang\\s+nakalipas', 'nakalipas', 'na\\s+ang\\s+nakaraan', 'na'],
    unitMinutes: { oras: 60 },
    // "alas 3 ng hapon", "alas tres y medya"
    clock: {
      leads: ['alas', 'bandang(?:\\s+alas)?', 'mga\\s+alas'],
      hourMarks: [],
      half: ['y\\s+medya', 'y\\s+media'],
      am: ['ng\\s+umaga', 'ng\\s+madaling\\s+araw'],
      pm: ['ng\\s+hapon', 'ng\\s+tanghali'],
      night: ['ng\\s+gabi'],
    },
  },
  saluteLabels: {
    size: ['ilan', 'bilang'],
    activity: ['ginagawa', 'aktibidad'],
    location: ['lugar', 'saan', 'lokasyon'],
    uniform: ['uniporme', 'suot'],
    time: ['kailan'],
    equipment: ['gamit'],
  },
  correctionPatterns: ['teka', 'ay\\s+mali', 'ibig\\s+kong\\s+sabihin', 'hindi\\s+pala'],
  correctionOpeners: {
    patterns: ['teka', 'ay\\s+mali', 'mali\\s+pala', 'hindi\\s+pala', 'ibig\\s+kong\\s+sabihin'],
    shortOpeners: ['teka'],
  },
  nothingMore: ['wala', 'wala na', 'wala po', 'wala na po', 'yun lang', 'iyon lang', 'yon lang', 'yun lang po'],
  fields: {
    activity: {
      arrest: [
        'hinuhuli|hinuli|inaaresto|inaresto|dinadampot|dinampot|dinakip|dinadakip|pinosasan|pinoposasan|nanghuhuli|nanghuli|isinakay|isinasakay|hulihan',
      ],
      raid: ['reyd|ni-?raid|sinalakay|nilusob|operasyon'],
      checkpoint: ['tsekpoint|nag-?checheck(?:point)?|nag-?iinspeksyon|humihingi\\s+ng\\s+(?:id|papeles|dokumento|lisensya)'],
      door_knocking: ['kumakatok|kinakatok|kumatok|kinatok|bahay-?bahay|bahay\\s+bahay|isa-?isang\\s+bahay'],
      surveillance: [
        'nakaparada\\w{0,2}|naka-?park\\w{0,4}|nagbabantay|nagmamanman|nagmamasid|sinusundan|sumusunod|nakaupo\\s+sa\\s+(?:kotse|sasakyan|van|loob)',
      ],
      patrol: ['umiikot|nag-?iikot|paikot-?ikot|nagpapatrolya|nagroronda|nakatayo|nakatambay'],
    },
    selfWatchingPatterns: [
      '(?:ako|kami)\\s+(?:ay\\s+)?(?:nagmamasid|nanonood|nagbabantay)',
      '(?:nagmamasid|nanonood|nagbabantay)\\s+(?:ako|kami)',
    ],
    markings: {
      POLICE: ['pulis|pulisya'],
      plain_clothes: ['naka-?sibilyan|sibilyan|pangkaraniwang\\s+damit|walang\\s+uniporme|naka-?civilian'],
      vests: ['naka-?vest|may\\s+vest|tsaleko'],
      masks: ['naka-?mask|may\\s+mask|maskara|nakatakip\\s+(?:ang\\s+)?mukha|takip\\s+ang\\s+mukha'],
      uniforms: ['uniporme|naka-?uniporme|naka-?uniform'],
    },
    negations: 'hindi walang wala',
    weaponPatterns: ['baril|armas|armado'],
    unarmedPatterns: ['walang\\s+(?:dalang\\s+)?(?:baril|armas)'],
    vehicleDescriptionPatterns: ['itim|puti|kulay\\s+abo|abuhin|pilak|asul|bughaw|pula|berde|walang\\s+(?:tatak|marka|plaka)'],
    plateWordPatterns: ['plaka'],
    plateFillers: 'ay ng na',
    firsthand: {
      openers: ['nakita\\s+ko|nakikita\\s+ko|kita\\s+ko'],
      patterns: ['nakita\\s+(?:ko|namin)|nakikita\\s+(?:ko|namin)|kita\\s+ko|nasaksihan\\s+ko'],
    },
  },
  clauses: {
    abbreviations: '',
    and: 'saka',
    but: 'kaso',
    starts: 'may meron mayroon sila siya ako kami nandito nandoon andun ngayon tapos',
    between: 'pagitan',
  },
  streets: {
    words: 'kalye kalsada',
    numberedLead: 'kalye',
    articleBeforeNumber: '',
    boundary: 'sa ng nang na ang mga ay malapit harap harapan tapat likod tabi kanto may meron ngayon kanina nasa',
    notStreet: 'pulis ahente sasakyan kotse tao lalaki ako kami sila simbahan paaralan eskwelahan tindahan bahay',
    leadIn: 'sa kanto ng malapit pagitan',
    connectors: 'at',
    strictConnectors: '',
    directions: '',
    zipNext: '',
    notName: 'ngayon ngaun kanina kahapon kagabi minuto hinuli hinuhuli dinampot nakaparada nakatayo kumakatok wala',
  },
  pieces: {
    split: 'sa nasa malapit harap harapan tapat likod tabi loob labas',
    splitPairs: ['sa harap', 'sa tapat', 'sa likod', 'sa tabi', 'malapit sa'],
    splitBeforePlace: undefined,
    strongLocation: ['harap', 'harapan', 'tapat', 'likod', 'tabi', 'malapit', 'nasa'],
    with: 'kasama',
    of: 'ng',
    articles: 'ang yung ung',
    locationPrepositions: 'sa nasa',
    droppedPrepositions: 'sa nasa',
    describePrepositions: 'naka kasama',
    notPlacePhrases: ['sa umaga', 'sa hapon', 'sa gabi', 'sa totoo', 'sa tingin'],
    notPlace: 'umaga hapon gabi totoo tingin',
    placeWords:
      'simbahan paaralan eskwelahan eskwela iskul tindahan palengke kanto kalye parke ospital klinika korte istasyon paradahan pabrika',
    doors: 'pinto pintuan',
    countLeadPatterns: ['may|meron|mayroong?|mga|halos|siguro'],
  },
  places: {
    nonLocationPatterns: [
      '(?:sa\\s+)?(?:(?:harap|tapat|labas|loob|likod|tabi)\\s+(?:ng\\s+)?)?(?:bahay|kalye|pinto|pintuan|bakuran|apartment|apt|building|lugar|trabaho|kapitbahayan|street|bldg|area)\\s+(?:namin|ko|natin|nila|niya|nyo|ninyo)',
      '(?:sa\\s+)?(?:aming|aking|ating|kanilang)\\s+(?:bahay|kalye|pinto|bakuran|lugar|trabaho|apartment)',
      '(?:sa\\s+)?(?:bahay|pinto)\\s+(?:ng|ni)\\s+(?:kapitbahay|pinsan|kapatid|kaibigan|tita|tito)(?:\\s+(?:ko|namin))?',
      'dito(?:\\s+sa\\s+(?:labas|loob))?|diyan|dyan|doon|dun|sa\\s+labas|sa\\s+loob|malapit\\s+dito|sa\\s+tabi\\s+lang',
      '(?:hindi|hinde|di)\\s+ko\\s+alam(?:\\s+(?:ang\\s+|yung\\s+)?(?:pangalan|kalye|address)(?:\\s+ng\\s+kalye)?)?',
    ],
    placeNouns: `simbahan paaralan eskwelahan eskwela iskul tindahan palengke parke ospital klinika korte istasyon paradahan pabrika
      gusali bahay pinto kanto kalye trabaho opisina bangko restawran karinderya kainan groseri`,
    brands: ['jollibee', 'seafood\\s+city', 'red\\s+ribbon', 'goldilocks', 'island\\s+pacific', 'chowking', "max'?s\\s+restaurant"],
    fillers: `ang ng nang sa na ay mga si ni kay ko mo niya namin natin nila ninyo nyo ako ikaw siya kami tayo kayo sila
      ito iyan yan iyon yon yun yung ung dito diyan dyan doon dun nandito nandiyan nandyan nandoon nandun andito andyan
      andun nasa may meron mayroon wala walang po opo oo hindi di lang lamang din rin naman pa ba nga kasi tapos saka
      kung kapag pag para dahil baka siguro talaga grabe sobra ngayon ngaun kanina kahapon kagabi agad bilis pakiusap
      paki salamat tulong harap harapan tapat likod tabi malapit loob labas ano sino saan kailan bakit paano ilan isang
      dalawang tatlong nakita nakikita kita mag mang nag naka kuya ate pls plz huwag wag totoo daw raw`,
    selfPatterns: ['(?:nag-?park|pumarada)\\s+ako', '(?:nagmamaneho|naglalakad|dumadaan|dumaan)\\s+ako', 'nakatira\\s+ako'],
  },
  messages: {
    rightsPatterns: [
      'ano\\s+(?:ang\\s+)?(?:dapat|pwede|puwede)\\s+(?:kong|naming|ko|namin)\\s+gawin',
      'ano\\s+(?:ang\\s+)?gagawin\\s+(?:ko|namin)',
      '(?:dapat|kailangan)\\s+(?:ko\\s+)?(?:ba\\s+)?(?:bang\\s+|kong\\s+)?(?:buksan|sumagot|pumirma|magsalita|ipakita|pagbuksan)',
      '(?:pwede|puwede)\\s+ba\\s+(?:silang|sila)\\s+(?:pumasok|mang-?aresto|manghuli|maghalughog)',
      'karapatan\\s+(?:ko|namin|natin)|(?:aking|ating|mga)\\s+karapatan',
      '(?:bubuksan|pagbubuksan)\\s+ko\\s+ba',
      'walang\\s+warrant',
    ],
    thanksPatterns: ['(?:maraming\\s+)?salamat(?:\\s+po)?(?:\\s+ng\\s+marami)?', 'slmt|salamuch'],
    testPatterns: ['test\\s+lang', 'pagsubok|sinusubukan'],
    greetingPatterns: [
      'kumusta|kamusta|magandang\\s+(?:umaga|hapon|gabi|araw)|hello\\s+po|hi\\s+po',
      '(?:gusto|kailangan)\\s+(?:ko\\s+)?(?:mag-?report|mag-?ulat|i-?report)',
    ],
    questionPatterns: [
      'totoo\\s+ba|kung\\s+totoo|ask\\s+ko\\s+lang|tanong\\s+ko\\s+lang',
      'may\\s+nakakaalam\\s+ba|sino\\s+ang\\s+nakakaalam',
      '(?:narinig|nabalitaan)\\s+(?:ko|namin)',
      'sabi\\s+nila',
      'sino\\s+ang\\s+(?:tatawagan|dapat\\s+tawagan)',
      'paano\\s+(?:ko|namin)\\s+(?:malalaman|mahahanap|hahanapin)',
      'saan\\s+(?:nila\\s+)?dinala',
    ],
    ownDoorPatterns: [
      '(?:sa\\s+)?(?:harap|tapat|labas)\\s+(?:ng\\s+)?(?:bahay|pinto|pintuan|apartment)\\s+(?:namin|ko|natin)',
      '(?:kumakatok|kinakatok|kumatok)\\s+sa\\s+(?:pinto|pintuan|bahay)\\s+(?:namin|ko)',
      'sa\\s+(?:bahay|pinto|pintuan)\\s+(?:namin|ko)',
      '(?:parking|paradahan|harap|tapat|labas)\\s+ng\\s+(?:bahay|apartment|building|bldg)\\s+(?:namin|ko|natin)',
    ],
    presencePatterns: [
      '(?:kanina\\s+pa\\s+)?sila\\s+(?:dyan|diyan|dito|doon|dun|andun|nandun|nandyan|andyan)',
      '(?:nandito|nandiyan|nandyan|nandoon|nandun|andito|andyan|andun)\\s+(?:sila|ang|ung|yung|na|pa)',
      'nasa\\s+(?:harap|tapat|labas|kanto|likod|tabi|loob)',
      // "wala na sila, umalis na": an update that they left is still about them
      'umalis\\s+na(?:\\s+sila)?|wala\\s+na\\s+sila',
    ],
  },
};
