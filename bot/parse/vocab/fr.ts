/**
 * French as tipsters type it on a phone (West and Central African, Canadian and European
 * speakers): folded (no accents, lower case), texting shorthand ("svp", "stp", "ya", "qqn"), the
 * "il y a 10 minutes" way of saying ago and "15h30" clock times. "arrete" alone is left out of
 * the detention words on purpose: "une voiture arretee" is a parked car.
 */
import type { Vocabulary } from './vocabulary.js';

export const FR: Vocabulary = {
  lang: 'fr',
  names: ['francais', 'french', 'frances', 'franse', 'fra'],
  keywords: {
    aide: 'help',
    retour: 'back',
    passer: 'skip',
    annuler: 'cancel',
    langue: 'language',
    droits: 'rights',
    'mes droits': 'rights',
    'vos droits': 'rights',
    'connaitre vos droits': 'rights',
    'connaissez vos droits': 'rights',
    effacer: 'stop',
    supprimer: 'stop',
    termine: 'done',
    fini: 'done',
  },
  yesNo: {
    yes: ['oui', 'ouais', 'ouai', 'ouii', 'daccord', "d'accord", 'exact', 'voila', 'bien sur', 'absolument', 'oki'],
    no: ['non', 'nan', 'nope', 'pas du tout', 'jamais'],
    letters: { o: true },
    dontKnowPatterns: ['je\\s+(?:ne\\s+)?sais\\s+pas\\b', 'sais\\s+pas\\b', 'aucune\\s+idee\\b', 'pas\\s+sur\\b'],
  },
  language: {
    strong: `bonjour bonsoir salut merci svp stp ils elle sont etaient ici maintenant devant pres derriere rue policiers policier
      flics flic voitures voiture camionnette camionnettes gens hommes arrestation embarque embarquent menotte menottes
      frappent porte portes gilets cagoules vu vois je j'ai suis nous vous mon mes notre leur deux trois quatre cinq
      sept huit neuf dix noir noirs noire noires blanche gris eglise ecole magasin quand combien quoi aujourd'hui hier
      soir matin environ aide avec dans toujours encore deja beaucoup plusieurs quelqu'un etait c'est il y'a
      garees garee stationnees dehors coin sur partout voisin frere secours aidez grave quartier
      mari enfants`,
    weak: 'le les des du au aux et est pas un une',
  },
  numbers: {
    words: {
      zero: 0,
      un: 1,
      une: 1,
      deux: 2,
      trois: 3,
      quatre: 4,
      cinq: 5,
      six: 6,
      sept: 7,
      huit: 8,
      neuf: 9,
      dix: 10,
      onze: 11,
      douze: 12,
      treize: 13,
      quatorze: 14,
      quinze: 15,
      seize: 16,
      vingt: 20,
      trente: 30,
      quarante: 40,
      cinquante: 50,
      douzaine: 12,
      dizaine: 10,
    },
    articleOne: ['un', 'une'],
    vague: ['plusieurs', 'beaucoup', 'quelques', 'plein', 'tas'],
    pairs: [
      ['une', 'douzaine', 12],
      ['une', 'dizaine', 10],
      ['une', 'vingtaine', 20],
    ],
    triples: [],
    beforeUnit: {},
    more: ['autres'],
  },
  agents: {
    words: `agent agents policier policiers flic flics keufs officier officiers homme hommes personnes gendarme gendarmes
      types mecs gars federaux`,
    genericPeople: 'homme hommes personnes types mecs gars',
    agencies: '',
  },
  vehicles: {
    words: `voiture voitures vehicule vehicules camionnette camionnettes fourgon fourgons fourgonnette fourgonnettes camion
      camions van vans 4x4`,
  },
  detention: {
    takingPatterns: [
      "en\\s+train\\s+d'?\\s*(?:arreter|embarquer|menotter|interpeller|emmener|attraper)",
      'arrestations?|interpellations?|menott(?:e|es|ee|ees|ent|er|ant)',
      "(?:ont|a|viennent\\s+d'?|vient\\s+d'?)\\s*(?:arrete|arreter|embarque|embarquer|emmene|emmener|interpelle|interpeller|attrape|attraper|pris|prendre)\\s+(?:quelqu'?\\s*un|des\\s+gens|des\\s+personnes|un|une|deux|trois|\\d+|mon|ma|mes|le|la|les|son|sa)",
      "(?:l'|les\\s+)?ont\\s+(?:arrete|embarque|menotte|emmene|pris|interpelle)",
      "(?:ils\\s+)?(?:arretent|embarquent|emmenent|attrapent)\\s+(?:quelqu'?\\s*un|des\\s+gens|les\\s+gens|des\\s+personnes|un|une|le|la|les|mon|ma)",
    ],
    notTakingPatterns: [
      '(?:juste|seulement|que)\\s+(?:\\w+\\s+){0,2}(?:garees?|gares|stationn(?:e|es|ee|ees)|assis|regardent|attendent|passent|tournent|surveillent)',
      "(?:personne|aucun|aucune)\\s+(?:n'?\\s*)?(?:a\\s+ete\\s+)?(?:arrete|embarque|emmene|pris)",
      "n'?\\s*(?:ont|arretent|embarquent)\\s+(?:arrete\\s+|embarque\\s+|pris\\s+)?personne",
      '(?:ils\\s+)?ne\\s+font\\s+rien',
    ],
    unsurePatterns: ['je\\s+(?:ne\\s+)?sais\\s+pas\\s+si\\s+(?:[^\\s]+\\s+){0,5}[^\\s]+'],
    victimVerbs: `arrete arretent arreter embarque embarquent embarquer emmene emmenent emmener menotte menottent menotter interpelle
      attrape attrapent pris prennent`,
  },
  time: {
    nowPatterns: [
      "maintenant|en\\s+ce\\s+moment|actuellement|la\\s+maintenant|a\\s+l'?\\s*instant|tout\\s+de\\s+suite",
      '(?:toujours|encore)\\s+(?:la|ici|dehors|devant)',
      'ils\\s+sont\\s+(?:toujours|encore)',
    ],
    earlierPatterns: ["plus\\s+tot(?:\\s+aujourd'?\\s*hui)?", "tout\\s+a\\s+l'?\\s*heure"],
    stale: [
      { pattern: 'avant-?\\s*hier', daysBack: 2, hour: 12 },
      { pattern: 'hier\\s+soir|la\\s+nuit\\s+derniere|hier\\s+dans\\s+la\\s+nuit', daysBack: 1, hour: 21, evening: true },
      { pattern: 'hier\\s+(?:apres-?\\s*midi|aprem)', daysBack: 1, hour: 16, evening: true },
      { pattern: 'hier\\s+matin', daysBack: 1, hour: 9 },
      { pattern: 'hier', daysBack: 1, hour: 12 },
      { pattern: "la\\s+semaine\\s+derniere|l'?\\s*autre\\s+jour", daysBack: 7, hour: 12 },
      { pattern: '(?:tot\\s+)?ce\\s+matin', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ["aujourd'?\\s*hui", 'cet\\s+apres-?\\s*midi', 'ce\\s+soir'],
    weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    weekdayLeadPatterns: ['le', 'ce'],
    fixedAgo: [
      ['(?:il\\s+y\\s+a|ya)\\s+une\\s+heure\\s+et\\s+demie', 90],
      ['(?:il\\s+y\\s+a|ya)\\s+(?:un\\s+)?(?:petit\\s+)?(?:moment|instant|peu)', 15],
      ['(?:il\\s+y\\s+a|ya)\\s+(?:quelques|deux)\\s+(?:secondes|instants)', 5],
      ['(?:il\\s+y\\s+a|ya)\\s+une\\s+demi-?\\s*heure', 30],
    ],
    about: ['environ', 'vers', 'a peu pres', 'presque', 'genre', 'a peine', 'quasi'],
    units: ['minutes', 'minute', 'min', 'mn', 'heures', 'heure', 'hrs', 'h', 'secondes', 'jours', 'jour'],
    quantities: ['une', 'un', 'quelques'],
    agoBefore: ['il\\s+y\\s+a', 'ya', 'y\\s+a', 'depuis'],
    agoAfter: [],
    unitMinutes: {},
    clock: {
      leads: ['vers', 'aux\\s+alentours\\s+de', 'des'],
      hourMarks: ['h', 'heures?'],
      half: ['et\\s+demie?'],
      am: ['du\\s+matin'],
      pm: ["de\\s+l'?\\s*apres-?\\s*midi", "de\\s+l'?\\s*aprem"],
      night: ['du\\s+soir', 'de\\s+la\\s+nuit'],
    },
  },
  saluteLabels: {
    size: ['s', 'taille', 'nombre', 'combien'],
    activity: ['a', 'activite'],
    location: ['l', 'lieu', 'endroit', 'ou', 'adresse'],
    uniform: ['u', 'uniforme', 'uniformes', 'tenue'],
    time: ['t', 'heure', 'quand'],
    equipment: ['e', 'equipement', 'vehicules'],
  },
  correctionPatterns: ['non\\s+attends?', 'attends?', 'pardon', 'je\\s+veux\\s+dire', 'plutot', 'en\\s+fait'],
  correctionOpeners: {
    patterns: ['non\\s+(?:attends?|pardon|en\\s+fait)', 'attends?', 'pardon', 'desole', 'en\\s+fait', 'je\\s+veux\\s+dire'],
    shortOpeners: ['attends', 'attend', 'pardon'],
  },
  nothingMore: ['rien', "rien d'autre", "c'est tout", 'cest tout', 'non rien'],
  fields: {
    activity: {
      arrest: [
        'arrestations?|interpell(?:e|es|ee|ees|ent|er|ation|ations)|menott(?:e|es|ee|ees|ent|er|ant)',
        "(?:arretent|embarquent|emmenent|attrapent)\\s+(?:quelqu'?\\s*un|des|les|un|une|le|la|mon|ma)",
        "(?:ont|a)\\s+(?:arrete|embarque|emmene|pris|attrape)\\s+(?:quelqu'?\\s*un|des|un|une|le|la|les|mon|ma|\\d+)",
      ],
      raid: ['descentes?|rafles?|perquisitions?|raids?|operations?\\s+de\\s+police'],
      checkpoint: ["barrages?|controles?\\s+(?:routiers?|de\\s+police|d'?\\s*identite)"],
      door_knocking: [
        '(?:frappent|frappe|frappaient|tapent|tape|cognent)\\s+(?:a|aux|sur)\\s+(?:la\\s+|ma\\s+|les\\s+|notre\\s+)?portes?|porte\\s+a\\s+porte',
      ],
      surveillance: ['garees?|gares|stationn(?:e|es|ee|ees)|surveill(?:ent|ant|e)|observent|suivent|attendent\\s+dehors|planques?'],
      patrol: ['patrouill(?:ent|e|ant)|tournent|font\\s+des\\s+tours|rodent|circulent'],
    },
    selfWatchingPatterns: ['je\\s+(?:les\\s+)?(?:regarde|surveille|observe)'],
    markings: {
      CBP: ['police\\s+des\\s+frontieres|patrouille\\s+frontaliere'],
      POLICE: ['policiers?|flics?|gendarmes?'],
      plain_clothes: ['en\\s+civil|habits\\s+normaux|vetements\\s+(?:normaux|civils)|sans\\s+uniformes?'],
      vests: ['gilets?|pare-?\\s*balles'],
      masks: ['cagoules?|cagoules|masques?|masquees?|visages?\\s+caches?'],
      uniforms: ['uniformes?|en\\s+tenue'],
    },
    negations: 'pas sans aucun aucune jamais ni',
    weaponPatterns: ['armes?|pistolets?|fusils?|flingues?'],
    unarmedPatterns: ['sans\\s+armes?|pas\\s+armes?|non\\s+armes?'],
    vehicleDescriptionPatterns: [
      'noir(?:e|s|es)?|blanc(?:he|s|hes)?|gris(?:e|es)?|argente(?:e|s|es)?|bleu(?:e|s|es)?|rouges?|vert(?:e|s|es)?|fonce(?:e|s|es)?',
      'banalise(?:e|s|es)?|vitres?\\s+teintees?|sans\\s+plaques?',
    ],
    plateWordPatterns: ['plaques?|immatriculation'],
    plateFillers: 'numero num de du la le est dit',
    firsthand: {
      openers: ['vu|je\\s+vois'],
      patterns: ["j'?\\s*ai\\s+vu|je\\s+(?:les\\s+)?vois|je\\s+viens\\s+de\\s+voir"],
    },
  },
  clauses: {
    abbreviations: 'av bd bld st ste mr mme env',
    and: 'et',
    but: '',
    starts: 'ils il sont etaient ont je aussi puis maintenant pres devant encore deja',
    between: 'entre',
  },
  streets: {
    words: 'rue avenue boulevard bd chemin allee impasse quai',
    numberedLead: 'rue avenue route',
    articleBeforeNumber: '',
    boundary: `au aux du des pres devant derriere coin croisement entre le les et avec maintenant hier ici sont est`,
    notStreet: `agents policiers flics voitures voiture camionnette gilets cagoules gens personnes hommes je nous ils elles mon
      vous ca minutes heures vu ecole magasin eglise maison travail`,
    leadIn: 'au coin croisement pres entre devant rues du',
    connectors: 'et',
    strictConnectors: '',
    directions: 'ouest nord sud',
    zipNext: 'code postal',
    notName: 'maintenant hier minutes arretent surveillent frappent barrage personne quelque',
  },
  pieces: {
    split: 'sur au aux pres devant derriere dans dehors avec portant',
    splitPairs: ['a cote', 'en face', 'pres de', 'au coin'],
    splitBeforePlace: { preposition: 'a', articles: 'l la le les' },
    strongLocation: ['pres', 'devant', 'derriere', 'dans', 'a cote', 'en face'],
    with: 'avec',
    of: 'de du des',
    articles: 'le la les',
    locationPrepositions: 'sur au aux dans',
    droppedPrepositions: 'sur au aux',
    describePrepositions: 'avec portant',
    notPlacePhrases: ['en fait', 'au moins'],
    notPlace: 'matin soir nuit moment fait general',
    placeWords: `ecole magasin eglise parc coin rue avenue parking laverie marche supermarche hopital clinique tribunal arret gare
      metro centre quartier place restaurant boulangerie immeuble appartements autoroute`,
    doors: 'porte portes',
    countLeadPatterns: ['ils\\s+sont|environ|genre|presque|au\\s+moins|a\\s+peu\\s+pres'],
  },
  places: {
    nonLocationPatterns: [
      '(?:a|devant|pres\\s+de|dans)?\\s*(?:ma|mon|notre)\\s+(?:rue|maison|porte|quartier|immeuble|appartement|appart|travail|cour)',
      '(?:devant\\s+)?chez\\s+(?:moi|nous)',
      'ici(?:\\s+(?:dehors|devant|meme))?',
      'la-?\\s*bas|par\\s+ici|dehors|a\\s+cote',
      'je\\s+(?:ne\\s+)?sais\\s+pas(?:\\s+le\\s+nom(?:\\s+de\\s+la\\s+rue)?|\\s+la\\s+rue|\\s+ou)?',
      'aucune\\s+idee',
    ],
    placeNouns: `ecole college lycee eglise parc magasin marche supermarche laverie station arret place centre restaurant
      boulangerie clinique hopital tribunal bibliotheque usine entrepot chantier immeuble appartements hotel coin quartier
      maison porte parking bureau banque poste metro gare`,
    brands: [],
    fillers: `le la les l un une des de du d au aux a en par pour avec sans sur sous entre vers et ou que qui quoi quand
      comment mon ma mes ton ta son sa notre votre leur ce cet cette ces ici dehors dedans pres loin devant derriere cote
      il ils elle elles on y est sont etait etaient nom pas non oui deja attention bon pardon tres plus`,
    selfPatterns: [
      'je\\s+(?:me\\s+)?suis\\s+gare',
      "j'?\\s*etais\\s+(?:en\\s+train\\s+de\\s+)?(?:conduire|marcher|passer)",
      "j'?\\s*habite",
    ],
  },
  messages: {
    rightsPatterns: [
      "qu'?\\s*est-?\\s*ce\\s+que\\s+(?:je|on)\\s+(?:fait|fais|doit|dois)",
      'que\\s+(?:dois-?\\s*je\\s+)?faire',
      '(?:je\\s+dois|on\\s+doit|dois-?\\s*je)\\s+(?:ouvrir|repondre|signer|parler|montrer)',
      "(?:peuvent-?\\s*ils|ils\\s+peuvent|ils\\s+ont\\s+le\\s+droit\\s+d'?)\\s*(?:entrer|m'?\\s*arreter|fouiller|rentrer)",
      '(?:mes|quels\\s+sont\\s+mes|nos)\\s+droits',
      'sans\\s+(?:un\\s+)?mandat(?:\\s+d[eu]\\s+juge)?\\s*\\?',
      "j'?\\s*ouvre\\s+(?:la\\s+porte|ou\\s+pas)",
    ],
    thanksPatterns: ['merci(?:\\s+beaucoup|\\s+bien)?', 'mrc', 'que\\s+dieu\\s+(?:vous|te)\\s+benisse'],
    testPatterns: ["(?:c'?\\s*est\\s+)?(?:juste\\s+)?un\\s+(?:test|essai)", 'essai'],
    greetingPatterns: [
      'bonjour|bonsoir|salut|coucou|allo',
      '(?:je\\s+)?(?:veux|voudrais|dois)\\s+(?:signaler|faire\\s+un\\s+signalement|denoncer)(?:\\s+quelque\\s+chose)?',
    ],
    questionPatterns: [
      "c'?\\s*est\\s+vrai",
      "(?:quelqu'?\\s*un|qqn)\\s+sait",
      "j'?\\s*ai\\s+entendu\\s+(?:dire\\s+)?que",
      "on\\s+(?:m'?\\s*a\\s+)?dit\\s+que",
      "c'?\\s*est\\s+une\\s+rumeur",
      'qui\\s+(?:dois-?\\s*je|je\\s+dois)\\s+appeler',
      'comment\\s+(?:je\\s+peux\\s+|puis-?\\s*je\\s+)?(?:trouver|retrouver|savoir)',
    ],
    presencePatterns: [
      '(?:ils\\s+sont|ils\\s+etaient|ils\\s+se\\s+sont\\s+gares|ils\\s+sont\\s+arrives)\\s+(?:a|au|aux|dans|devant|pres|ici|la|dehors)',
    ],
    ownDoorPatterns: [
      '(?:a|devant)\\s+(?:ma|notre)\\s+(?:porte|maison)',
      'devant\\s+chez\\s+(?:moi|nous)',
      '(?:frappent|frappe|tapent|cognent)\\s+(?:a|sur)\\s+(?:ma|notre)\\s+porte',
      'porte\\s+de\\s+(?:ma|notre)\\s+(?:maison|appart|appartement)',
    ],
  },
};
