/**
 * Haitian Creole as tipsters type it on a phone: folded (no accents: "kounye a", "legliz",
 * "pòt" → "pot"), with the spelling variants people use (konnya, kounya, yap, m), the English
 * of Haitians in Florida and New York mixed in ("gen 6 ajan ICE devan legliz la").
 *
 * Creole puts the article and the possessive after the noun ("legliz la", "lari m", "kay
 * mwen"), so the non-location phrases are written that way round.
 *
 * Left out on purpose: "de" (2) and "en" (1) are Spanish and English words in every tip, so they
 * are no number words here; "men" (but) is English "men"; "yo" (they) is Spanish "yo"; "pa"
 * (not) is Spanish "pa" ("pa la tienda"); "ye" (yesterday, also "where they are": "kote yo ye")
 * counts only with a day part ("ye swa").
 */
import type { Vocabulary } from './vocabulary.js';

/** A person being taken: "yon moun", "2 moun", "li", "l", "neg la", "papa m". */
const PERSON =
  '(?:yon\\s+(?:moun|nonm|neg|fanm|gason|madanm|travaye|jenn\\s+gason|timoun|machann)|(?:de|twa|kat|\\d+)\\s+(?:jenn\\s+)?(?:moun|neg|gason|fanm|travaye|timoun|machann)|moun|li|l|neg\\s+la|nonm\\s+nan|fanm\\s+nan|travaye\\s+yo|(?:vwazen|papa|manman|fre|se|mari|madanm|pitit|kouzen|tonton|matant)\\s+(?:mwen|m|li|l|nou|\\w+))';

export const HT: Vocabulary = {
  lang: 'ht',
  names: ['kreyol', 'kreyol ayisyen', 'creole', 'haitian creole', 'haitian', 'ayisyen', 'kreol', 'criollo haitiano'],
  keywords: {
    ed: 'help',
    'ede m': 'help',
    'ede mwen': 'help',
    sekou: 'help',
    retounen: 'back',
    tounen: 'back',
    sote: 'skip',
    anile: 'cancel',
    anule: 'cancel',
    'chanje lang': 'language',
    langaj: 'language',
    dwa: 'rights',
    'dwa m': 'rights',
    'dwa mwen': 'rights',
    'dwa ou': 'rights',
    'konnen dwa ou': 'rights',
    efase: 'stop',
    fini: 'done',
    'mwen fini': 'done',
    'm fini': 'done',
  },
  yesNo: {
    yes: ['wi', 'wiwi', 'dako', 'egzak', 'korek', 'siman'],
    no: ['non', 'nonn'],
    letters: {},
    dontKnowPatterns: ['non\\s+(?:m|mwen)\\s+pa\\s+(?:konnen|konn|fin\\s+konnen|seten)\\b'],
  },
  language: {
    strong: `gen genyen ajan kounye konnye kounya konnya kounyea konya koulye devan deye lakay legliz lekol mache
      lari kwen arete arestasyon kenbe mwen nou kisa kile konbyen anpil twa senk uit minit edtan aye maten
      aswe apremidi bonjou bonswa sak mesi tanpri polis lapolis kamyon kamyonet nwa wouj vwati menot isit
      bezwen rele ede toujou jodi demen kreyol ayisyen katye frape youn pou paske epi anko sot fenk fin
      kounyea kenbe pran ranmase moun machin sou lan nan ak kote zam plak inifom rad sivil veye pake kanpe
      pesonn anyen wi dako ki`,
    weak: 'li tou vin ale fe m pase yon',
  },
  numbers: {
    words: {
      youn: 1,
      yon: 1,
      twa: 3,
      kat: 4,
      senk: 5,
      sis: 6,
      set: 7,
      uit: 8,
      nef: 9,
      dis: 10,
      onz: 11,
      douz: 12,
      trez: 13,
      katoz: 14,
      kenz: 15,
      sez: 16,
      diset: 17,
      dizuit: 18,
      diznef: 19,
      trant: 30,
      karant: 40,
      senkant: 50,
      douzen: 12,
    },
    articleOne: ['yon'],
    vague: ['anpil', 'plizye', 'kek', 'bann', 'paket'],
    pairs: [['yon', 'douzen', 12]],
    triples: [],
    more: ['lot', 'anko'],
    // "de" (2) is Spanish "of" ("de inmigracion"): a count only right before a Creole unit word ("de ajan", "de machin")
    beforeUnit: { de: 2 },
  },
  agents: {
    words: `ajan ofisye polis lapolis imigrasyon gad solda sherif moun neg gason nonm`,
    genericPeople: 'moun neg gason nonm',
    agencies: '',
  },
  vehicles: {
    words: `machin machinn kamyon kamyonet vwati oto jip pikop taptap bis`,
  },
  detention: {
    takingPatterns: [
      `(?:y\\s*ap|yap|yo\\s+ap|ap)\\s+(?:arete|arrete|pran|kenbe|menote|ranmase|mete\\s+menot\\s+(?:nan\\s+ponyet\\s+)?)\\s*${PERSON}`,
      `(?:yo|ice|ajan|ajan\\s+yo|polis|imigrasyon)\\s+(?:sot\\s+|fin\\s+|fenk\\s+|sot\\s+fin\\s+|te\\s+|jis\\s+)?(?:arete|arrete|pran|kenbe|menote|ranmase)\\s+${PERSON}`,
      `(?:arete|arrete|menote|ranmase)\\s+(?:yon|\\d+|de|twa|kat|senk)\\s+(?:moun|neg|gason|fanm|travaye|nonm)`,
      `mete\\s+(?:li|l|yo|moun|${PERSON})\\s+(?:nan|anndan)\\s+(?:yon\\s+|de\\s+|(?:machin|van)\\s+)?(?:machin|kamyon|kamyonet|van|vwati|suv)`,
      'mete\\s+(?:li|l|yo|moun)\\s+menot|menote|ak\\s+menot|menot\\s+nan\\s+ponyet',
      '(?:moun|nonm|neg|fanm|gason|vwazen\\s+\\w+)\\s+(?:yo|ice|polis)\\s+(?:sot\\s+|fin\\s+|fenk\\s+)?(?:arete|pran|kenbe)',
      'yo\\s+(?:sot|fin|fenk)\\s+(?:arete|pran|kenbe)|yo\\s+ale\\s+ak\\s+(?:li|l|yo)\\b',
      '(?:li|l|yo)\\s+(?:fin|sot|fenk)\\s+arete',
    ],
    notTakingPatterns: [
      '(?:jis|selman|senpleman|annik)\\s+(?:\\w+\\s+){0,2}(?:kanpe|chita|pake|gade|veye|tann|mache|pase|ap\\s+gade|ap\\s+veye|ap\\s+tann|ap\\s+pale)',
      '(?:kanpe|chita|pake)\\s+(?:\\w+\\s+){0,4}(?:selman|senpleman|san\\s+fe\\s+anyen)',
      'pa\\s+(?:arete|arrete|pran|kenbe)\\s+(?:pesonn|okenn\\s+moun|moun)',
      'pesonn\\s+pa\\s+(?:arete|pran|kenbe)|pa\\s+gen\\s+moun\\s+(?:yo\\s+)?(?:arete|pran)',
      'pa\\s+(?:fe|ap\\s+fe)\\s+anyen',
      // "m pa we yo arete moun": the tipster saw nobody taken
      '(?:m|mwen|nou)\\s+pa\\s+(?:we|janm\\s+we)\\s+(?:yo\\s+)?(?:arete|pran|kenbe|menote)\\s+(?:pesonn|moun|okenn\\s+moun|anyen)',
    ],
    unsurePatterns: ['(?:m|mwen)\\s+pa\\s+(?:konnen|konn|seten)\\s+si\\s+(?:[^\\s]+\\s+){0,5}[^\\s]+'],
    victimVerbs: 'arete arrete pran kenbe menote ranmase mete',
  },
  time: {
    nowPatterns: [
      'kounye\\s*a|kounye\\s+la|konnye\\s*a|koulye\\s*a|kounya|konnya|kounyea|konya|konnyea|kounyeya',
      'la\\s+menm|touswit|an\\s+direk',
      '(?:yo\\s+)?(?:la\\s+)?toujou\\s+la|yo\\s+la\\s+toujou|(?:yo\\s+)?toujou\\s+(?:devan|deyo|bo\\s+la)',
    ],
    earlierPatterns: ['pi\\s+bone(?:\\s+jodi\\s+a)?', 'bone\\s+jodi\\s+a'],
    stale: [
      { pattern: 'avan\\s*(?:ye|aye)|avanye|avantye', daysBack: 2, hour: 12 },
      { pattern: '(?:aye|ye)\\s+(?:o\\s*)?swa|(?:aye|ye)\\s+nan\\s+nwit|yeswa', daysBack: 1, hour: 21, evening: true },
      { pattern: '(?:aye|ye)\\s+(?:apremidi|apre\\s*midi)', daysBack: 1, hour: 16, evening: true },
      { pattern: '(?:aye|ye)\\s+maten', daysBack: 1, hour: 9 },
      { pattern: 'aye|depi\\s+ye', daysBack: 1, hour: 12 },
      { pattern: 'semenn\\s+pase|lot\\s+semenn\\s+nan|lot\\s+jou', daysBack: 7, hour: 12 },
      { pattern: '(?:jodi\\s+a\\s+)?maten\\s+(?:a|an)|jodi\\s+(?:a\\s+)?maten|(?:nan|bone|depi)\\s+maten', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ['jodi\\s*a|jodia|jodi\\s+an', 'aswe\\s+a', 'apremidi\\s+a'],
    weekdays: ['lendi', 'madi', 'mekredi', 'jedi', 'vandredi', 'samdi', 'dimanch'],
    weekdayLeadPatterns: ['denye'],
    fixedAgo: [
      ['(?:sa\\s+)?gen\\s+yon\\s+ti\\s+moman', 5],
      ['(?:sa\\s+)?gen\\s+yon\\s+ti\\s+tan', 15],
      ['tale\\s+a', 15],
      ['(?:sa\\s+)?gen\\s+yon\\s+bon\\s+ti\\s+tan', 30],
      ['(?:sa\\s+)?gen\\s+(?:inedtan|yon\\s+edtan)', 60],
      ['(?:(?:sa\\s+)?gen|depi)\\s+(?:yon\\s+)?(?:demi\\s+edtan|demi\\s+e)', 30],
      // "de" (2) is no number word here (Spanish "de"): two and three hours said in words
      ['(?:(?:sa\\s+)?gen|depi)\\s+(?:de\\s+zedtan|dezedtan)', 120],
      ['(?:(?:sa\\s+)?gen|depi)\\s+(?:twa\\s+zedtan|twazedtan)', 180],
    ],
    about: ['anviwon', 'apepre', 'preske', 'pre'],
    units: ['minit', 'minut', 'segonn', 'jou'],
    quantities: ['yon'],
    // "sa gen 10 minit", "depi 10 minit"; "10 minit pase", "10 minit de sa"
    agoBefore: ['(?:sa\\s+)?gen', 'sa\\s+fe', 'depi'],
    agoAfter: ['pase', 'de\\s+sa', 'ki\\s+pase'],
    unitMinutes: { edtan: 60, zedtan: 60 },
    // "a 3e", "ve 3e edmi", "8 e diswa", "10e dimaten"
    clock: {
      leads: ['ve', 'a\\s+le', 'anviwon', 'depi'],
      hourMarks: ['e', 'ze', 'h'],
      half: ['e\\s+demi', 'edmi', 'demi'],
      am: ['(?:nan|di)\\s+maten', 'dimaten'],
      pm: ['(?:nan|di)\\s+apremidi', 'dapremidi', 'diswa', 'nan\\s+aswe'],
      night: ['nan\\s+nwit', 'lannwit'],
    },
  },
  saluteLabels: {
    size: ['konbyen', 'kantite'],
    activity: ['aktivite', 'kisa'],
    location: ['kote', 'ki kote', 'adres'],
    uniform: ['inifom', 'rad'],
    time: ['kile'],
    equipment: ['ekipman'],
  },
  correctionPatterns: ['non\\s+tann', 'padon', '(?:sa\\s+)?(?:m|mwen)\\s+vle\\s+di', '(?:m|mwen)\\s+twonpe'],
  correctionOpeners: {
    patterns: ['non\\s+(?:tann|padon|se|te)', 'padon', 'eskize', '(?:m|mwen)\\s+vle\\s+di', '(?:m|mwen)\\s+twonpe'],
    shortOpeners: ['padon'],
  },
  nothingMore: ['anyen', 'pa gen anyen', 'se tout', 'non anyen', 'anyen anko'],
  fields: {
    activity: {
      arrest: [
        `arestasyon|menote|mete\\s+menot|ranmase\\s+moun|(?:arete|arrete)\\s+${PERSON}`,
        `(?:y\\s*ap|yap|yo)\\s+(?:sot\\s+|fin\\s+|fenk\\s+)?(?:pran|kenbe)\\s+${PERSON}`,
      ],
      raid: ['desant|rafle|operasyon|anvayi'],
      checkpoint: ['baraj|blokaj|chekpwen|tcheke\\s+(?:papye|machin|moun|lisans)|mande\\s+(?:papye|lisans)'],
      door_knocking: ['frape\\s+(?:nan\\s+)?(?:pot|potay)|pot\\s+an\\s+pot|kay\\s+an\\s+kay|kay\\s+pa\\s+kay'],
      surveillance: ['pake|pakin|estasyone|(?<!m\\s)ap\\s+veye|(?<!m\\s)ap\\s+gade|swiv|chita\\s+nan\\s+(?:machin|kamyon|yon|de)'],
      patrol: ['ap\\s+flannen|ap\\s+vire|fe\\s+wonn|patwouy\\w*|pase\\s+(?:e\\s+)?repase|kanpe'],
    },
    selfWatchingPatterns: ['(?:m|mwen|nou)\\s+ap\\s+(?:gade|veye)'],
    markings: {
      CBP: ['patwouy\\s+fwontye'],
      POLICE: ['polis|lapolis'],
      plain_clothes: ['rad\\s+sivil|an\\s+sivil|san\\s+inifom|pa\\s+gen\\s+inifom'],
      vests: ['(?:ak|gen|mete|yon|de|\\d)\\s+ves|ves\\s+(?:ice|polis|nwa|ble)|jile'],
      masks: ['maske|kagoul|figi\\s+(?:yo\\s+)?kouvri'],
      uniforms: ['inifom'],
    },
    negations: 'pa okenn',
    weaponPatterns: ['zam|fizi|revolve|pistole'],
    unarmedPatterns: ['san\\s+zam|pa\\s+gen\\s+zam'],
    vehicleDescriptionPatterns: ['nwa|blan|gri|ble|wouj|fonse|vit\\s+fonse|san\\s+mak|san\\s+plak'],
    plateWordPatterns: ['plak'],
    plateFillers: 'nimewo se li ki',
    firsthand: {
      openers: ['m\\s+(?:we|sot\\s+we|fenk\\s+we)|mwen\\s+(?:we|sot\\s+we|fenk\\s+we|te\\s+we)'],
      patterns: ['(?:m|mwen)\\s+(?:te\\s+|sot\\s+|fenk\\s+)?we\\s+(?:yo|sa|yon|de|\\d|ajan)', '(?:m|mwen)\\s+ap\\s+(?:gade|we)\\s+yo'],
    },
  },
  clauses: {
    abbreviations: '',
    and: 'ak epi',
    but: 'sepandan',
    starts: 'gen li mwen m ap te kounye kounya konnya yo',
    between: 'ant',
  },
  streets: {
    words: 'ri lari wout avni boulva chemen',
    numberedLead: 'ri wout avni',
    articleBeforeNumber: '',
    boundary: `nan sou bo devan deye kote pre akote anfas ant ak epi kounye kounya konnya jodi gen ki lan`,
    notStreet: `ajan polis lapolis machin kamyon kamyonet moun neg gason mwen nou li ves mask minit lekol legliz mache kay pak
      kounye konnya kounya yon`,
    leadIn: 'nan kwen ant bo kote sou',
    connectors: 'ak epi',
    strictConnectors: '',
    directions: 'sid lwes',
    zipNext: 'zon kod',
    notName: `kounye kounya konnya kounyea jodi demen aye minit arete pran kenbe veye gade pake kanpe pesonn anyen frape ranmase
      desant baraj`,
  },
  pieces: {
    split: 'nan sou bo devan deye akote anfas pre gen',
    splitPairs: ['bo kote', 'tou pre', 'an fas'],
    splitBeforePlace: undefined,
    strongLocation: ['devan', 'deye', 'bo', 'akote', 'anfas', 'pre', 'tou pre', 'bo kote'],
    with: 'ak',
    of: '',
    articles: 'la lan',
    locationPrepositions: 'nan sou bo',
    droppedPrepositions: 'nan sou',
    describePrepositions: 'ak',
    notPlacePhrases: ['nan maten', 'nan aswe', 'nan apremidi', 'nan nwit', 'sou wout'],
    notPlace: 'maten aswe apremidi lannwit nwit pye',
    placeWords: `legliz lekol mache magazen pak kwen lari ri avni estasyon biwo lopital klinik tribinal pakin ponp`,
    doors: 'pot potay',
    countLeadPatterns: ['gen|te\\s+gen|genyen|anviwon|apepre|yo\\s+(?:se|te)'],
  },
  places: {
    nonLocationPatterns: [
      '(?:nan|sou|devan|bo|kote|deye)?\\s*(?:lari|ri|kay|pot|katye|bilding|apatman|travay|lakou|blok|zon)\\s+(?:mwen|m|nou|li|l|pa\\s+m|pa\\s+mwen)',
      '(?:devan\\s+|bo\\s+)?lakay(?:\\s+(?:mwen|m|nou|li))?',
      '(?:kay|pot)\\s+(?:vwazen|kouzen|fre|se|manman|papa|zanmi)\\s+(?:mwen|m|nou|li)',
      'isit(?:\\s+a)?|bo\\s+isit|laba(?:\\s+a)?|deyo|anndan|la\\s+a|bo\\s+la|toupre\\s+a|kote\\s+(?:m|mwen)\\s+(?:ye|rete)',
      '(?:m|mwen)\\s+pa\\s+(?:konnen|konn)(?:\\s+(?:non\\s+)?(?:lari\\s+a|ri\\s+a|adres\\s+la|kote\\s+a))?',
    ],
    placeNouns: `legliz lekol mache magazen boutik pak estasyon biwo lopital klinik tribinal bibliyotek faktori depo bilding
      apatman otel restoran ponp pakin kwen blok katye kay pot lakou travay chantye bank`,
    brands: ['dunkin(?:\\s+donuts)?', 'popeyes', 'publix', 'winn\\s*-?\\s*dixie', "sedano'?s", 'navarro', 'bravo\\s+supermarket'],
    fillers: `la lan nan an a yo li l m mwen nou ou sa ki kote kisa kile ak epi e ou oswa pou de sou bo devan deye akote
      anfas pre tou gen genyen te ap yap pral se ye isit laba deyo anndan menm toujou deja anko tout pa non wi ke men kom
      sepandan paske kounye kounya konnya kounyea jodi aye maten aswe apremidi minit youn yon lot bagay fe fin sot fenk
      vin ale rele di we gade veye kanpe chita pake tann mete pran kenbe arete frape mache vire pase jis selman annik
      anpil kek plizye bann tanpri mesi souple bonjou bonswa padon eskize rapid ijan demen vre tande`,
    selfPatterns: [
      '(?:m|mwen)\\s+(?:te\\s+)?(?:pake|estasyone)',
      '(?:m|mwen)\\s+(?:t\\s+ap|tap|te\\s+ap)\\s+(?:kondi|mache|pase|vini)',
      '(?:m|mwen)\\s+rete\\s+(?:nan|sou|bo)',
    ],
  },
  messages: {
    rightsPatterns: [
      'kisa\\s+(?:pou\\s+)?(?:m|mwen|nou)\\s+(?:dwe\\s+)?fe|(?:m|mwen|nou)\\s+dwe\\s+fe\\s+kisa|sa\\s+(?:pou\\s+)?(?:m|mwen|nou)\\s+fe',
      '(?:eske\\s+)?(?:m|mwen|nou)\\s+(?:dwe|oblije|gen\\s+pou)\\s+(?:louvri|reponn|siyen|pale|montre|ba\\s+yo)',
      '(?:m|mwen|nou)\\s+(?:ka|kapab)\\s+pa\\s+(?:louvri|reponn|siyen)',
      '(?:eske\\s+)?(?:yo|ice|ajan|polis)\\s+(?:ka|kapab|gen\\s+dwa)\\s+(?:antre|arete|fouye|mande|fose)',
      '(?:ki\\s+)?dwa\\s+(?:m|mwen|nou|ou)|konnen\\s+dwa',
      '(?:m|mwen)\\s+(?:louvri|ouvri)\\s+(?:pot\\s+la\\s+)?(?:ba|pou)\\s+yo',
      'san\\s+manda',
    ],
    thanksPatterns: ['(?:anpil\\s+)?mesi(?:\\s+anpil|\\s+bokou)?', 'bondye\\s+beni\\s+(?:ou|nou|w)'],
    testPatterns: ['(?:se\\s+)?yon\\s+tes|tes\\s+tes', 'eseye'],
    greetingPatterns: [
      'bonjou|bonswa|alo|sak\\s+pase|sa\\s+k\\s+pase|kouman\\s+ou\\s+ye',
      '(?:m|mwen)\\s+(?:vle|bezwen)\\s+(?:rapote|fe\\s+yon\\s+rapo)',
    ],
    questionPatterns: [
      '(?:eske\\s+)?se\\s+vre',
      '(?:eske\\s+)?(?:gen\\s+)?(?:yon\\s+)?moun\\s+ki\\s+konnen',
      '(?:m|mwen)\\s+tande\\s+(?:ke|ki|gen|yo)?',
      'yo\\s+di\\s+(?:ke|gen)',
      'ki\\s+moun\\s+pou\\s+(?:m|mwen)\\s+rele',
      'kote\\s+yo\\s+(?:mennen|pran)\\s+(?:li|l|yo)',
      'kouman\\s+(?:m|mwen)\\s+(?:ka|kapab)\\s+(?:jwenn|konnen|chache)',
    ],
    ownDoorPatterns: [
      '(?:devan|bo|nan|deyo)\\s+(?:pot\\s+)?(?:kay|pot|lakay|apatman)\\s+(?:mwen|m|nou)',
      '(?:devan|bo)\\s+lakay',
      'frape\\s+(?:nan\\s+)?pot\\s+(?:mwen|m|nou|lakay)',
    ],
    presencePatterns: ['yo\\s+(?:la\\s+)?(?:nan|sou|devan|bo|deye|toupre|anfas)', 'yo\\s+(?:rive|vini|kanpe)\\s+(?:nan|sou|devan|bo)'],
  },
};
