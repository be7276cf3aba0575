/**
 * English as tipsters type it on a phone: folded (lower case), texting shorthand ("rn", "idk",
 * "ty"), US street and business words.
 */
import type { Vocabulary } from './vocabulary.js';

/** Who is being taken, after "taking", "took", "picked up" ("took a man", "taking my dad"). */
const TAKEN =
  '(?:someone|somebody|people|him|her|them|a\\s+(?:man|woman|person|guy|lady|kid|worker|neighbou?r|father|mother|dad|mom)|my\\s+\\w+|the\\s+(?:man|woman|guy|lady|worker|neighbou?r))';

export const EN: Vocabulary = {
  lang: 'en',
  names: ['english', 'ingles', 'eng', 'anglais', 'angle'],
  keywords: {
    help: 'help',
    back: 'back',
    skip: 'skip',
    cancel: 'cancel',
    language: 'language',
    lang: 'language',
    rights: 'rights',
    'my rights': 'rights',
    'your rights': 'rights',
    'know your rights': 'rights',
    stop: 'stop',
    done: 'done',
  },
  yesNo: {
    yes: ['yes', 'yeah', 'yea', 'yep', 'yup', 'sure', 'correct', 'affirmative', 'ok', 'okay'],
    no: ['no', 'nope', 'nah', 'never'],
    letters: { y: true, n: false },
    dontKnowPatterns: ['not sure\\b', 'no (?:idea|clue)\\b'],
  },
  language: {
    strong: `hi hello hey thanks thank please there right now the they them their are were was is isn't aren't
      and with near front corner street avenue agents officers cops guys people cars trucks vehicle vehicles
      men someone somebody arresting arrested detained taking grabbed raid knocking doors door parked watching
      following driving around patrolling checkpoint saw see seen seeing watching just ago minutes minute hour
      hours half what where when how many some two three four five six seven eight nine ten black white gray
      grey silver blue red wearing vests masks plain clothes uniforms plate plates guns armed outside inside
      across behind next store school church park parking lot home house work this that these those have has
      had going yes yeah yep nope want need report help neighbor it's i'm i've he she we you my our your his her`,
    weak: 'an of at on in to by it i',
  },
  numbers: {
    words: {
      zero: 0,
      one: 1,
      two: 2,
      three: 3,
      four: 4,
      five: 5,
      six: 6,
      seven: 7,
      eight: 8,
      nine: 9,
      ten: 10,
      eleven: 11,
      twelve: 12,
      thirteen: 13,
      fourteen: 14,
      fifteen: 15,
      sixteen: 16,
      seventeen: 17,
      eighteen: 18,
      nineteen: 19,
      twenty: 20,
      thirty: 30,
      forty: 40,
      fifty: 50,
      dozen: 12,
    },
    articleOne: ['a', 'an'],
    vague: ['several', 'many', 'lots', 'lot', 'bunch', 'multiple', 'some', 'few'],
    pairs: [
      ['a', 'couple', 2],
      ['a', 'dozen', 12],
      ['an', 'dozen', 12],
    ],
    triples: [['half', 'a', 'dozen', 6]],
    beforeUnit: {},
    more: ['more', 'other', 'others'],
  },
  agents: {
    words: `agent agents officer officers man men people person persons guys guy cops cop deputies deputy
      marshals marshal feds fed troopers trooper sheriff sheriffs police`,
    genericPeople: 'man men people person persons guys guy',
    agencies: 'ice cbp hsi dhs fbi immigration',
  },
  vehicles: {
    words: `car cars vehicle vehicles van vans minivan minivans truck trucks pickup pickups suv suvs
      suburban suburbans tahoe tahoes sedan sedans jeep jeeps unit units cruiser cruisers charger chargers
      explorer explorers durango durangos expedition expeditions yukon yukons interceptor interceptors`,
  },
  detention: {
    takingPatterns: [
      'arresting|detaining|grabbing|handcuffing|cuffing|apprehending|tackl(?:ed|ing)',
      '(?:arrested|detained|handcuffed|cuffed|apprehended)\\s+(?:a|an|the|some|someone|somebody|him|her|them|my|his|her|two|three|\\d+|people|\\w+\\s+(?:people|guys|men|workers))',
      '(?:is|are|was|were|got|getting|being)\\s+(?:detained|arrested|taken|handcuffed|cuffed|picked\\s+up)',
      '(?:arrest|detain|grab|handcuff|cuff)\\s+(?:a|an|the|someone|somebody|him|her|people|my|his|two|three|\\d+)\\b',
      'lining\\s+(?:everyone|everybody|people|them|workers|us)\\s+up',
      '(?:taking|took|grabbed|picked\\s+up|got|shoved|pushed|threw|loading|loaded|putting|put|dragging|dragged|pulling|pulled)\\s+(?:(?:a|an|the|some|two|three|\\d+)\\s+)?(?:someone|somebody|people|him|her|them|man|woman|person|guy|guys|lady|kid|worker|workers|neighbou?r|father|mother|dad|mom|vendor|men|women|cousin|brother|sister|husband|wife|son|daughter|uncle|aunt|my\\s+\\w+|his\\s+\\w+|her\\s+\\w+)',
      'just\\s+(?:took|grabbed|arrested|detained|picked\\s+up|shoved)',
      // Learners' English: the plain present for the past ("they take him"), "catching people", "put handcuffs to"
      '(?:they|ice|agents|police|migra)\\s+(?:take|takes|grab)\\s+(?:him|her|my\\s+\\w+|(?:a|an|the|two|three|\\d+)\\s+(?:man|woman|guy|guys|men|women|persons))',
      'catching\\s+(?:people|persons|men|workers|someone|somebody)',
      'put(?:ting)?\\s+(?:the\\s+)?handcuffs',
    ],
    notTakingPatterns: [
      '(?:just|only)\\s+(?:\\w+\\s+){0,2}(?:parked|standing|sitting|watching|waiting|driving|drove|walking|asking|talking|looking|hanging)',
      "(?:not|aren'?t|arent|weren'?t|isn'?t)\\s+(?:arresting|detaining|taking|grabbing|stopping|doing)\\s+(?:anyone|anybody|anything|nobody)",
      '(?:nobody|no\\s+one|noone)\\s+(?:was\\s+|got\\s+|has\\s+been\\s+|is\\s+being\\s+)?(?:arrested|detained|taken|grabbed|picked\\s+up)',
      "didn'?t\\s+(?:stop|take|arrest|grab)|did\\s+not\\s+(?:stop|take|arrest|grab)",
      'not\\s+doing\\s+anything',
    ],
    unsurePatterns: ["(?:not\\s+sure|(?:i\\s+)?(?:don'?t|dont|do\\s+not)\\s+know)\\s+(?:if|whether)\\s+(?:[^\\s]+\\s+){0,5}[^\\s]+"],
    victimVerbs: `detained detaining arrested arresting took taking grabbed grabbing shoved pushed loading loaded
      putting put dragging dragged cuffed handcuffed tackled picked got arrest detain grab take chased chasing`,
  },
  time: {
    nowPatterns: [
      'right\\s+now|just\\s+now|now|rn|currently|at\\s+the\\s+moment|at\\s+this\\s+moment|as\\s+we\\s+speak',
      'happening\\s+now|still\\s+(?:there|here|outside)',
    ],
    earlierPatterns: ['earlier(?:\\s+today)?', 'since\\s+(?:early|this\\s+morning)'],
    stale: [
      { pattern: 'day\\s+before\\s+yesterday', daysBack: 2, hour: 12 },
      { pattern: 'last\\s+night|yesterday\\s+(?:evening|night)', daysBack: 1, hour: 21, evening: true },
      { pattern: 'yesterday\\s+afternoon', daysBack: 1, hour: 16, evening: true },
      { pattern: 'yesterday\\s+morning', daysBack: 1, hour: 9 },
      { pattern: 'yesterday', daysBack: 1, hour: 12 },
      { pattern: 'last\\s+week|the\\s+other\\s+day', daysBack: 7, hour: 12 },
      { pattern: '(?:early\\s+)?this\\s+morning|in\\s+the\\s+morning', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ['today', 'this\\s+(?:afternoon|evening)', 'tonight'],
    weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    weekdayLeadPatterns: ['on', 'last', 'this\\s+past'],
    fixedAgo: [
      ['(?:an?\\s+)?hour\\s+and\\s+a\\s+half\\s+ago', 90],
      ['a\\s+(?:little|short)\\s+(?:while|bit)\\s+ago', 15],
      ['(?:a\\s+)?(?:little\\s+)?bit\\s+ago', 15],
      ['a\\s+while\\s+ago', 30],
      ['(?:a\\s+)?(?:few\\s+)?(?:moments?|sec|second)\\s+ago', 5],
    ],
    about: ['like', 'about', 'around', 'approx', 'approximately', 'maybe', 'almost', 'over', 'just', 'only', 'roughly', 'nearly'],
    units: [
      'minutes',
      'minute',
      'mins',
      'min',
      'm',
      'hours',
      'hour',
      'hrs',
      'hr',
      'h',
      'seconds',
      'second',
      'secs',
      'sec',
      's',
      'days',
      'day',
    ],
    quantities: ['half an?', 'a half', 'an?', 'a couple(?: of)?', 'couple(?: of)?', 'a few', 'few'],
    // "hace"/"ago" and clock times are read by time.ts and time-clock.ts for Spanish and English
    agoBefore: [],
    agoAfter: [],
    unitMinutes: {},
    clock: { leads: [], hourMarks: [], half: [], am: [], pm: [], night: [] },
  },
  saluteLabels: {
    size: ['s', 'size', 'how many'],
    activity: ['a', 'activity'],
    location: ['l', 'location', 'where', 'address'],
    uniform: ['u', 'uniform', 'uniforms'],
    time: ['t', 'time', 'when'],
    equipment: ['e', 'equipment', 'vehicles'],
  },
  correctionPatterns: [
    'no\\s+wait',
    'wait',
    'i\\s+mean',
    'no\\s+sorry',
    'sorry',
    'well\\s+actually',
    'actually',
    'correction',
    'scratch\\s+that',
    'or\\s+rather',
    'make\\s+that',
  ],
  correctionOpeners: {
    patterns: ['no\\s+wait', 'wait', 'sorry', 'i\\s+mean', 'actually', 'correction', 'my\\s+bad', 'oops'],
    shortOpeners: ['wait', 'sorry'],
  },
  nothingMore: ['nothing', "that's all", 'thats all'],
  fields: {
    activity: {
      arrest: [
        'arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|grabb(?:ed|ing)|handcuff(?:s|ed|ing)?|apprehend(?:ed|ing)?',
        `(?:taking|took|grab|picked\\s+up)\\s+${TAKEN}`,
      ],
      raid: ['raid(?:s|ed|ing)?'],
      checkpoint: ['check\\s?points?|check-points?|road\\s?blocks?'],
      door_knocking: ['knock(?:s|ed|ing)?|door\\s+to\\s+door|door-to-door|bang(?:ing|ed)?\\s+on\\s+(?:the\\s+|my\\s+|our\\s+)?doors?'],
      surveillance: [
        'parked|parking(?!\\s+lot)|sitting\\s+in\\s+(?:a|an|the|their|2|two)|watching|following|followed|surveil\\w{0,10}',
        'staking\\s+out|stakeout|waiting\\s+outside|taking\\s+(?:photos|pictures)',
      ],
      patrol: [
        'driving\\s+around|drive\\s+around|drove\\s+around|patroll?ing|(?<!border\\s)patrol(?:s|led)?(?!\\s+(?:car|cars|vehicle))',
        'circling|cruising|going\\s+around|standing\\s+around|standing',
      ],
    },
    selfWatchingPatterns: ["(?:i'?m|i\\s+am|we'?re|we\\s+are)\\s+watching"],
    markings: {
      CBP: ['border\\s+patrol'],
      DHS: ['homeland\\s+security'],
      POLICE: ['police|sheriffs?|sherif'],
      plain_clothes: [
        'plain\\s?clothes|plain-clothes|plainclothes|(?:street|regular|normal|civilian|casual)\\s+clothes',
        'no\\s+uniforms?|not\\s+in\\s+uniform|without\\s+uniforms?',
      ],
      vests: ['vests?|bullet\\s?proof'],
      masks: ['masks?|masked|balaclavas?|covered\\s+faces?|faces?\\s+covered'],
      uniforms: ['uniforms?|uniformed'],
    },
    negations: "no not without never didn't didnt don't dont weren't wasn't",
    weaponPatterns: ['guns?|rifles?|weapons?|armed|pistols?|firearms?|handguns?|shotguns?|long\\s+guns?|tasers?|ar-?15s?'],
    unarmedPatterns: ['unarmed'],
    vehicleDescriptionPatterns: ['black|white|gr[ae]y|silver|blue|red|green|beige|gold|dark|unmarked|tinted'],
    plateWordPatterns: ['plates?|tags?|license(?:\\s+plates?)?'],
    plateFillers: 'number num no is said says that was were of from the state',
    firsthand: {
      openers: ['(?:just\\s+)?(?:saw|seeing)'],
      patterns: [
        "i\\s+(?:just\\s+)?saw|i\\s+see|i\\s+can\\s+see|i\\s+just\\s+seen|(?:i'?m|i\\s+am)\\s+(?:watching|seeing|looking\\s+at)|just\\s+saw|i\\s+witnessed",
      ],
    },
  },
  clauses: {
    abbreviations: 'st ave blvd rd dr mr mrs ms jr n s e w no num apt a p m approx etc vs hwy ln ct pl',
    and: 'and',
    but: 'but',
    starts: 'they there theyre i he she it its we are were have had also then now right at near outside just still',
    between: 'between',
  },
  streets: {
    words: `st street sts ave av avenue blvd boulevard rd road dr drive ln lane way pl place ct court hwy highway fwy
      freeway pkwy parkway cir circle ter terrace route expressway expy`,
    numberedLead: 'avenue av ave highway hwy route street st road rd',
    articleBeforeNumber: '',
    boundary: `at on in of near by outside corner intersection between the a to from towards across behind next inside
      around and now right today yesterday ago here there is are was were`,
    notStreet: `agents agent officers officer police sheriff cops cars car suv suvs van vans trucks vests masks uniforms
      people men guys i me we they them he she him her you my your it this that who some someone nobody minutes min
      mins hours am pm arresting arrested detained saw see more not yes school store church park house home work`,
    leadIn: 'at on in the corner of intersection near between around streets',
    connectors: 'and at',
    strictConnectors: 'at',
    directions: 'n s e w ne nw se sw east west north south',
    zipNext: 'area zip code post',
    notName: 'now today yesterday rn ago minutes min parked knocking watching arresting standing waiting raid checkpoint nobody something',
  },
  pieces: {
    split: 'at on in near outside across behind inside with wearing theres',
    splitPairs: ['next to'],
    splitBeforePlace: undefined,
    strongLocation: ['near', 'outside', 'across', 'behind', 'next', 'inside', 'in front'],
    with: 'with',
    of: 'of',
    articles: 'the',
    locationPrepositions: 'at on in',
    droppedPrepositions: 'at on in',
    describePrepositions: 'with wearing in',
    notPlacePhrases: [],
    notPlace: 'foot duty the a way morning afternoon evening night general time it them all',
    placeWords: `walmart target costco lowes depot school store church park corner street ave blvd boulevard parking
      laundromat market swap hospital clinic courthouse bus station metro downtown neighborhood plaza mall restaurant
      apartments building freeway highway`,
    doors: 'door doors',
    countLeadPatterns: ["there\\s+are|there\\s+were|they\\s+are|they're|theyre|like|about|around|approx|maybe|almost|at\\s+least"],
  },
  places: {
    nonLocationPatterns: [
      '(?:at|on|by|in|near|outside|to|in\\s+front\\s+of|across\\s+from|down)?\\s*(?:my|our|his|her|their)\\s+(?:door|front\\s+door|house|home|place|street|block|building|apartment|apt|neighborhood|hood|area|job|work|yard|porch)',
      'idk(?:\\s+the\\s+(?:street|name|address)(?:\\s+name)?)?',
      "i\\s+don'?t\\s+know(?:\\s+the\\s+(?:street|name|address)(?:\\s+name)?)?",
      'not\\s+sure|no\\s+idea|sorry',
      'here|there|over\\s+there|right\\s+here|outside|inside|nearby|around\\s+here',
      "(?:my|our|his|her|their|a)\\s+(?:neighbou?r|friend|cousin|brother|sister|mom|dad|aunt|uncle|boss)'?s?\\s+(?:door|house|home|place|apartment|building|yard)",
      'next\\s+door|across\\s+the\\s+street(?:\\s+from\\s+me)?|down\\s+the\\s+(?:street|block|road)|up\\s+the\\s+street|around\\s+the\\s+corner',
    ],
    placeNouns: `school elementary middle high college church park store shop market supermarket laundromat
      laundry gas station stop bus plaza mall swap meet restaurant taqueria bakery clinic hospital courthouse
      court library factory warehouse building apartments apartment complex motel hotel car wash parking lot
      garage office bank post metro terminal corner block neighborhood house home door yard job work site
      day laborer laborers`,
    brands: [
      'walmart',
      'target',
      'costco',
      'home\\s+depot',
      "lowe'?s",
      'food\\s*(?:4|for)\\s*less',
      '7\\s*-?\\s*eleven',
      'seven\\s+eleven',
      "mcdonald'?s",
      'dollar\\s+tree',
      'dollar\\s+general',
      'family\\s+dollar',
      'smart\\s+(?:and|&)\\s+final',
      'ralphs',
      'vons',
      'albertsons',
      'aldi',
      'kroger',
      'starbucks',
      'burger\\s+king',
      'jack\\s+in\\s+the\\s+box',
      'autozone',
      'arco',
      'chevron',
      'shell',
      '99\\s+cents?(?:\\s+only)?',
      'ross',
      'marshalls',
      'kmart',
      'cvs',
      'walgreens',
      'rite\\s+aid',
      'u-?haul',
      'big\\s+lots',
      'save\\s+a\\s+lot',
      'aldi',
    ],
    fillers: `the a an at on in of by to from near next across behind inside outside around by with and or
      this that these those my our your his her their its it i we you they he she there here over right
      front back side up down is are was were be been there's theres its it's im i'm idk sorry not sure
      know name street's just like uh um ok so yo hey guys me theyre they're they've we're were are got saw see`,
    selfPatterns: ['i\\s+(?:just\\s+)?parked', 'i\\s+was\\s+(?:driving|walking|heading|coming|going)', 'i\\s+live'],
  },
  messages: {
    rightsPatterns: [
      'what\\s+(?:do|should|can)\\s+(?:i|we)\\s+do',
      '(?:do|should|must)\\s+(?:i|we)\\s+(?:have\\s+to\\s+)?(?:open|answer|talk|sign|show|let|say|give|tell)',
      '(?:have|need)\\s+to\\s+(?:open|answer|talk|sign|show)',
      'can\\s+(?:they|ice|agents|the\\s+police|cops|feds|immigration|police)\\s+(?:come|enter|get|go|arrest|search|ask|make|force|take)',
      'what\\s+are\\s+my\\s+rights|my\\s+rights\\s+if|know\\s+my\\s+rights',
      'am\\s+i\\s+(?:required|allowed|supposed)\\s+to',
      'without\\s+a\\s+(?:judicial\\s+)?warrant\\s*\\?',
      'what\\s+(?:to|i\\s+(?:should|can|must|have\\s+to))\\s+do\\s+(?:if|when)',
    ],
    thanksPatterns: [
      'thank\\s+(?:you|u)(?:\\s+so\\s+much|\\s+very\\s+much)?',
      'thanks(?:\\s+so\\s+much|\\s+a\\s+lot)?',
      'ty|thx|tysm',
      'appreciate\\s+it',
      'god\\s+bless(?:\\s+(?:you|u))?',
    ],
    testPatterns: ['(?:this\\s+is\\s+)?(?:just\\s+)?a\\s+test', 'test(?:ing)?'],
    greetingPatterns: [
      'hi|hello|hey|hiya',
      'good\\s+(?:morning|afternoon|evening)',
      '(?:i\\s+)?(?:want|need|would\\s+like)\\s+to\\s+(?:report|make\\s+a\\s+report)(?:\\s+something)?',
    ],
    questionPatterns: [
      'is\\s+(?:it\\s+)?true',
      '(?:does\\s+)?any(?:one|body)\\s+know',
      'i\\s+heard',
      'heard\\s+(?:that|there|ice|they|the|about)',
      '(?:is|was)\\s+(?:that|this|it)\\s+(?:real|true|a\\s+rumou?r)',
      'who\\s+(?:do|should|can)\\s+(?:i|we)\\s+(?:call|contact|talk\\s+to)',
      "(?:is\\s+it|it'?s|its)\\s+(?:real|a\\s+rumou?r|true)",
      'how\\s+(?:(?:do|can)\\s+(?:i|we)|(?:i|we)\\s+can)\\s+(?:find|locate|know|check|volunteer|help|get)',
      'where\\s+(?:do|did)\\s+they\\s+take',
      'find\\s+out\\s+where',
      'is\\s+this\\s+(?:the|a)',
      'who\\s+(?:are|is)\\s+(?:you|this)',
    ],
    presencePatterns: [
      "(?:they'?re|they\\s+are|they\\s+were|theyre|they\\s+showed\\s+up)\\s+(?:at|in|on|outside|by|near|here|there|around)",
    ],
    ownDoorPatterns: [
      '(?:at|to|on|outside|in\\s+front\\s+of|into|in)\\s+(?:my|our)\\s+(?:front\\s+)?(?:door|house|home|apartment|apt|porch|yard)',
      '(?:knocking|banging|pounding)\\s+(?:at|on)\\s+(?:my|our)\\s+(?:front\\s+)?door',
      'door\\s+of\\s+(?:my|our)\\s+(?:house|home|apartment)',
    ],
  },
};
