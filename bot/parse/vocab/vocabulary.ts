/**
 * The shape of one language's vocabulary: every word list and pattern the parsers read. Each
 * language file (en.ts, es.ts) fills one; index.ts gathers them.
 */
import type { Keyword, Lang } from '../types.js';

/** A day word that makes a sighting old: where it puts the time. */
export interface StaleWord {
  /** Regex source on folded text ("anoche", "last\\s+night"). */
  pattern: string;
  /** Days back from today (0 = today, 1 = yesterday, 7 = last week). */
  daysBack: number;
  /** Local hour the word means when no clock time is given ("anoche" → 21). */
  hour: number;
  /** When a bare clock time comes with this word, read it as evening ("last night around 9" → 21:00). */
  evening?: boolean;
}

/** Activity kinds named by words (see fields.ts). */
export type ActivityWordKind = 'arrest' | 'raid' | 'checkpoint' | 'door_knocking' | 'surveillance' | 'patrol';
/** Uniform markings that are words in some language (see fields.ts). */
export type MarkingWord = 'CBP' | 'DHS' | 'POLICE' | 'plain_clothes' | 'vests' | 'masks' | 'uniforms';

export interface Vocabulary {
  lang: Lang;
  /** What people call this language, folded: its own name first, then others ("portugues", "portuguese", "brasileiro"). An answer to the language menu. */
  names: string[];
  /** Whole-message keywords, as letters and single spaces ("know your rights"). */
  keywords: Record<string, Keyword>;
  yesNo: {
    yes: string[];
    no: string[];
    /** Single letters that are a whole answer ("s", "y", "n"). */
    letters: Record<string, boolean>;
    /** After "no", these mean "I don't know", not "no" ("no se", "not sure"): regex sources. */
    dontKnowPatterns: string[];
  };
  /**
   * Words for a language vote: `strong` (weight 2) nearly only occur in this language, `weak`
   * (weight 1) are common but still telling. Words shared by both languages or by tips in either
   * ("ice", "suv", "no", "ok", "van") are left out on purpose.
   */
  language: { strong: string; weak: string };
  numbers: {
    /** Number words and their values ("cuatro" 4, "dozen" 12). */
    words: Record<string, number>;
    /** Words for "one" that are also articles ("a car", "un carro"). */
    articleOne: string[];
    /** Unspecified quantities ("several", "varios"): a size without a count. */
    vague: string[];
    /** Two-word counts: [first, second, value] ("a couple" 2, "media docena" 6). */
    pairs: Array<[string, string, number]>;
    /** "half" in "half a dozen": [first, middle, last, value]. */
    triples: Array<[string, string, string, number]>;
    /** After a number, "more" words: "dos mas", "two more" (same unit as the count before). */
    more: string[];
    /**
     * Number words that are also common words in other languages, so they count only right before
     * an agent or vehicle word (Haitian "de ajan": 2 agents; "de" is Spanish "of").
     */
    beforeUnit: Record<string, number>;
    /** Classifiers that stand between a number and what it counts (Chinese 个 名 位 辆, Korean 명 대): skipped for free. Optional, space-separated. */
    counters?: string;
  };
  /** Words for agents (folded, singular and plural). */
  agents: {
    words: string;
    /** Words that may just as well mean the people being detained ("men", "personas"). */
    genericPeople: string;
    /** Agency names that count agents only when no other unit follows ("4 ICE"). */
    agencies: string;
  };
  vehicles: { words: string };
  detention: {
    /** Someone is being taken now or was just taken: regex sources. */
    takingPatterns: string[];
    /** The text says nobody is being taken: regex sources. */
    notTakingPatterns: string[];
    /** The tipster does not know whether anyone was taken ("no sé si se llevaron a alguien"): regex sources covering the doubt. */
    unsurePatterns: string[];
    /** Verbs after which a counted person is a victim, not an agent ("agarraron a 2"). */
    victimVerbs: string;
  };
  time: {
    /** Expressions meaning now: regex sources. */
    nowPatterns: string[];
    /** "earlier today": a time of day not given, the same day. */
    earlierPatterns: string[];
    /** Day words that make a sighting old. */
    stale: StaleWord[];
    /** Words for today that may come before a clock time ("hoy", "this afternoon"): regex sources. */
    todayPatterns: string[];
    /** Weekday names, Monday first. */
    weekdays: string[];
    /** Words before a weekday that keep it in the past ("el", "last"): regex sources. */
    weekdayLeadPatterns: string[];
    /** Fixed "a while ago" expressions and their minutes. */
    fixedAgo: Array<[string, number]>;
    /** Words for "about" before a quantity ("como", "like"). */
    about: string[];
    /** Duration unit words ("minutos", "hrs"). */
    units: string[];
    /** Quantity words before a unit ("half an", "media", "un par de"). */
    quantities: string[];
    /**
     * Words before a duration that make it a time ago ("il y a 10 min", "ha 10 minutos", "cach day
     * 10 phut", "قبل 10 دقايق"): regex sources. Spanish "hace" is read by time.ts itself.
     */
    agoBefore: string[];
    /** Words after a duration that make it a time ago ("10 phut truoc", "10分钟前", "10분 전"): regex sources. English "ago" is read by time.ts itself. */
    agoAfter: string[];
    /**
     * Minutes per duration unit word, for words whose first letter does not tell (s: seconds,
     * m: minutes, h: hours, anything else: days). Every key is also a unit ("phut" 1, "gio" 60, "分钟" 1, "시간" 60).
     */
    unitMinutes: Record<string, number>;
    /** Clock times beyond digits with a colon and am/pm, which every language shares. Regex sources; Spanish and English are read by time-clock.ts itself. */
    clock: {
      /** Before an hour: it is a clock time ("vers", "as", "luc", "alas", "a"). */
      leads: string[];
      /** Right after an hour: it is a clock time ("h", "heures", "gio", "点", "시"); minutes may follow ("15h30"). */
      hourMarks: string[];
      /** After the hour and its mark: half past ("et demie", "e meia", "ruoi", "半", "반"). */
      half: string[];
      /** Morning, afternoon/evening and night words, right after the hour or right before it ("da tarde", "chieu", "下午", "오후"). */
      am: string[];
      pm: string[];
      night: string[];
    };
  };
  /** Labels of the SALUTE template ("S -", "Tamaño:", "Lugar:"), folded, per field. */
  saluteLabels: Record<'size' | 'activity' | 'location' | 'uniform' | 'time' | 'equipment', string[]>;
  /** A correction of what came right before ("no espera", "i mean"): regex sources. */
  correctionPatterns: string[];
  /**
   * A whole message that opens by correcting the previous answer ("no espera, 4", "sorry, 5
   * agents"): regex sources matched at the start. `shortOpeners` open many things, so they
   * count only before a short answer.
   */
  correctionOpeners: { patterns: string[]; shortOpeners: string[] };
  /** "Nothing else" to the "anything else?" question ("nada", "that's all"), as whole answers. */
  nothingMore: string[];
  /** What the field readers look for. Regex sources on folded text unless said otherwise. */
  fields: {
    /** Per activity kind, how it is said; the kinds are tried in this order (an arrest outranks a raid). */
    activity: Record<ActivityWordKind, string[]>;
    /** The tipster watching ("i'm watching", "estoy observando") is not surveillance. */
    selfWatchingPatterns: string[];
    /** Per uniform marking, the words for it; agency letters (ICE, HSI, FBI...) need no vocabulary. */
    markings: Partial<Record<MarkingWord, string[]>>;
    /** Words that negate a marking or weapon up to two words later ("sin chalecos", "no guns"). Space-separated. */
    negations: string;
    weaponPatterns: string[];
    /** Said to be without weapons ("unarmed", "sin armas"). */
    unarmedPatterns: string[];
    /** Colours and words that describe a vehicle ("negras", "unmarked", "polarizados"); makes need no vocabulary. */
    vehicleDescriptionPatterns: string[];
    /** Words before a licence plate ("placas", "tag"). */
    plateWordPatterns: string[];
    /** Words between a plate word and the plate ("number", "de", "dice"). Space-separated. */
    plateFillers: string;
    /** The tipster saw it themselves: `openers` at the start ("vi...", "saw..."), `patterns` anywhere ("i can see"). */
    firsthand: { openers: string[]; patterns: string[] };
  };
  /** How a message is cut into clauses. Space-separated words. */
  clauses: {
    /** Words after which a period does not end a sentence ("St.", "Sra."). */
    abbreviations: string;
    /** "and": joins two clauses or two street names. */
    and: string;
    /** "but": always starts a new clause. */
    but: string;
    /** After "and", these start a new clause ("... y se llevaron", "... and they are"). */
    starts: string;
    /** Before "and", these mean it joins two names ("entre X y Y", "between X and Y"). */
    between: string;
  };
  /** Street names and places in a message. Space-separated words. */
  streets: {
    /** Street-type words: a name with one of these is surely a street ("Soto St", "calle 4"). */
    words: string;
    /** Words that may come right before a number in a street name ("calle 8", "highway 99"). */
    numberedLead: string;
    /** An article that makes a bare number a street ("la 8" is Calle 8). */
    articleBeforeNumber: string;
    /** Words that end a street name: prepositions, articles, relation and time words. */
    boundary: string;
    /** Words that are never part of a street name in a tip (people, vehicles, gear, places). */
    notStreet: string;
    /** Words that can lead into an intersection ("en la esquina de 1st y Soto"). */
    leadIn: string;
    /** Words that join two cross streets ("y", "con", "and"). */
    connectors: string;
    /** Joiners that need a street word on both sides ("Main St at 5th Ave"). */
    strictConnectors: string;
    /** Compass words in an address ("1234 e Cesar Chavez", "norte"). */
    directions: string;
    /** Words after a 5-digit number that still allow a ZIP ("90033 area", "codigo postal"). */
    zipNext: string;
    /** Words that are not names even outside the filler lists (time and activity words common in tips). */
    notName: string;
  };
  /** How the pieces of a clause are told apart. Space-separated words. */
  pieces: {
    /** Words that start a new part of a clause: places ("en", "near") and descriptions ("con"). */
    split: string;
    /** Words after which a new part starts, for languages that put the place word last (Korean "월마트 앞 에 | 있어요"). Optional. */
    splitAfter?: string;
    /** Two-word openers that split like one word ("next to", "al lado"). */
    splitPairs: string[];
    /** A preposition that splits only before an article and a place noun ("a la escuela"): [preposition, articles]. */
    splitBeforePlace: { preposition: string; articles: string } | undefined;
    /** Place words (one or two) whose phrase is always a location ("near", "in front", "frente"). */
    strongLocation: string[];
    /** "with": a phrase it opens describes, it is never a place ("con chalecos"). */
    with: string;
    /** "of": a place word after it belongs to the phrase before ("el parking de la Walmart"). */
    of: string;
    /** Definite articles ("el", "the"): with a capital after a place preposition, a business name ("en el Tepeyac"). */
    articles: string;
    /** Prepositions of place ("en", "at"). */
    locationPrepositions: string;
    /** Prepositions dropped from the front of a place ("en 1st y Soto" is "1st y Soto"; "por la Whittier" keeps "por"). */
    droppedPrepositions: string;
    /** Prepositions of description ("con", "with", "usando"). */
    describePrepositions: string;
    /** Preposition + word that is no place ("por favor", "on foot"). */
    notPlacePhrases: string[];
    /** Words after a preposition that are no place ("morning", "noche"). */
    notPlace: string;
    /** Location words: a phrase with one of these names a place even without a preposition. */
    placeWords: string;
    /** Words for a door: "knocking on doors" is an activity, not a place. */
    doors: string;
    /** Words before a lone number that counts ("son como 15", "there are like 8"): regex sources. */
    countLeadPatterns: string[];
  };
  places: {
    /** Phrases that answer "where?" without a place a responder could drive to: regex sources. */
    nonLocationPatterns: string[];
    /** Generic place nouns: a place only with a name ("la escuela roosevelt"). */
    placeNouns: string;
    /** Named businesses that are a place on their own ("walmart", "home depot"). */
    brands: string[];
    /** Words that never name a place: articles, prepositions, pronouns, fillers. */
    fillers: string;
    /**
     * The tipster's own movements ("I parked at...", "iba manejando por..."): a place in such a
     * clause is where the tipster was, not where the agents are. Regex sources.
     */
    selfPatterns: string[];
  };
  messages: {
    /** Know-your-rights questions: regex sources. */
    rightsPatterns: string[];
    thanksPatterns: string[];
    testPatterns: string[];
    greetingPatterns: string[];
    /** Questions about a rumour or about finding a detained person: regex sources. */
    questionPatterns: string[];
    /** The tipster's own door or home: regex sources. */
    ownDoorPatterns: string[];
    /** "están en...", "they're by...": someone (the agents) is somewhere, a report even unnamed. Regex sources. */
    presencePatterns: string[];
  };
}
