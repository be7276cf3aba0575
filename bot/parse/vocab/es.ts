/**
 * Spanish as tipsters type it on a phone: folded (no accents, lower case), with the common
 * misspellings, Mexican, Central American and Caribbean words (troca, jeepeta, guagua, la migra).
 */
import type { Vocabulary } from './vocabulary.js';

export const ES: Vocabulary = {
  lang: 'es',
  names: ['espanol', 'spanish', 'castellano', 'esp', 'espagnol', 'espanyol', 'panyol', 'espanhol'],
  keywords: {
    ayuda: 'help',
    atras: 'back',
    volver: 'back',
    regresar: 'back',
    saltar: 'skip',
    omitir: 'skip',
    cancelar: 'cancel',
    idioma: 'language',
    derechos: 'rights',
    'mis derechos': 'rights',
    'tus derechos': 'rights',
    'sus derechos': 'rights',
    'conoce tus derechos': 'rights',
    'conozca sus derechos': 'rights',
    borrar: 'stop',
    listo: 'done',
    lista: 'done',
    ya: 'done',
  },
  yesNo: {
    yes: ['si', 'sip', 'simon', 'claro', 'okey', 'oki', 'correcto', 'afirmativo', 'exacto', 'cierto', 'dale'],
    no: ['no', 'nop', 'nel', 'negativo', 'nunca'],
    letters: { s: true, n: false },
    dontKnowPatterns: [
      'no (?:lo |la )?(?:se|sabe|sabemos|recuerdo|me acuerdo)\\b',
      'no (?:estoy|estamos) (?:segur[oa]s?|ciert[oa]s?)\\b',
      'no (?:tengo )?idea\\b',
    ],
  },
  language: {
    strong: `hola buenas buenos buen dia dias tardes noches gracias saludos porfa favor hay esta estan estaba
      estaban estoy estamos ahora ahorita orita aorita aqui alli ahi alla aca agentes oficiales hombres personas
      policias camioneta camionetas carro carros coche coches vehiculo vehiculos patrulla patrullas troca trocas
      esquina calle avenida migra migras chaleco chalecos mascaras uniformados se llevaron llevan detenido
      detenidos arrestando agarraron redada operativo reten vigilando siguiendo rondando patrullando
      tocando puerta puertas vi veo viendo tambien pero donde cuando cuantos cuantas dos tres cuatro cinco seis
      siete ocho nueve diez unos unas negra negras negro negros blanca blancas blanco blancos gris plata
      frente cerca enfrente afuera adentro casa escuela tienda trabajo hace minutos hora horas media rato
      manana tarde noche ayer anoche que para muy mas son eran tienen traen andan ellos ellas alguien nadie
      gente estacionados armas armados placa placas ropa civil necesito ayuda quiero reportar vecino vecina
      iglesia parque parada mi tu su sus nuestro si claro lo vimos`,
    weak: 'el la los las en y de del con por un una al',
  },
  numbers: {
    words: {
      cero: 0,
      uno: 1,
      una: 1,
      un: 1,
      dos: 2,
      tres: 3,
      cuatro: 4,
      cinco: 5,
      seis: 6,
      siete: 7,
      ocho: 8,
      nueve: 9,
      diez: 10,
      dies: 10,
      once: 11,
      doce: 12,
      trece: 13,
      catorce: 14,
      quince: 15,
      dieciseis: 16,
      diesiseis: 16,
      diecisiete: 17,
      diesisiete: 17,
      dieciocho: 18,
      diesiocho: 18,
      diecinueve: 19,
      diesinueve: 19,
      veinte: 20,
      treinta: 30,
      cuarenta: 40,
      cincuenta: 50,
      docena: 12,
    },
    articleOne: ['un', 'una'],
    vague: [
      'varios',
      'varias',
      'muchos',
      'muchas',
      'bastantes',
      'algunos',
      'algunas',
      'monton',
      'chingo',
      'cuantos',
      'cuantas',
      'pocos',
      'pocas',
    ],
    pairs: [
      ['un', 'par', 2],
      ['media', 'docena', 6],
      ['una', 'docena', 12],
    ],
    triples: [],
    beforeUnit: {},
    more: ['mas'],
  },
  agents: {
    words: `agente agentes oficial oficiales hombre hombres policia policias persona personas migra migras
      tipos sujetos elementos federales federal inmigracion migracion uniformados encapuchados alguacil alguaciles
      sheriff sheriffs`,
    genericPeople: 'hombre hombres persona personas tipos',
    agencies: '',
  },
  vehicles: {
    words: `camioneta camionetas carro carros coche coches auto autos vehiculo vehiculos patrulla patrullas
      troca trocas camion camiones unidad unidades jeepeta jeepetas guagua guaguas trokita trokitas
      camionetita sedan sedanes furgoneta furgonetas`,
  },
  detention: {
    takingPatterns: [
      '(?:estan|esta|andan|anda)\\s+(?:deteniendo|arrestando|agarrando|esposando|llevandose|levantando|sacando|subiendo|metiendo)',
      'deteniendo|arrestando|agarrando|esposando|llevandose|esposad[oa]s?|esposaron|capturaron|capturando',
      '(?:formando|formaron|alinearon)\\s+a\\s+(?:la\\s+gente|todos|los\\s+trabajadores)',
      'se\\s+(?:lo\\s+|la\\s+|los\\s+|las\\s+|le\\s+|les\\s+)?(?:estan\\s+llevando|esta\\s+llevando|llevan|llevaron|llevo|acaban\\s+de\\s+llevar|acaba\\s+de\\s+llevar)',
      '(?:acaban|acaba)\\s+de\\s+(?:llevar|agarrar|detener|arrestar|esposar|subir|levantar)',
      'agarraron|agarro|detuvieron|detuvo|arrestaron|levantaron\\s+a',
      '(?:lo|la|los|las)\\s+(?:tienen|traen)\\s+(?:esposad|detenid|agarrad|en\\s+el\\s+suelo|contra)\\w*',
      'tienen\\s+a\\s+(?:\\w+\\s+){1,2}(?:contra\\s+la\\s+pared|esposad[oa]s?|detenid[oa]s?|en\\s+el\\s+suelo|tirad[oa]s?)',
      '(?:subiendo|subieron|metiendo|metieron)\\s+(?:a\\s+)?(?:gente|alguien|un|una|dos|tres|cuatro|\\d+|mi|su|los|las)\\b',
      '(?:sacando|sacaron)\\s+(?:a\\s+)?(?:la\\s+)?(?:gente|alguien|personas|trabajadores|los\\s+trabajadores|un|una|dos|tres|\\d+)',
      '(?:lo|la|los|las)\\s+sacaron',
    ],
    notTakingPatterns: [
      '(?:solo|nomas|nada\\s+mas|solamente|no\\s+mas)\\s+(?:\\w+\\s+){0,2}(?:parad[oa]s|estacionad[oa]s|sentad[oa]s|vigilando|mirando|viendo|caminando|dando\\s+vueltas|pasaron|pasando|esperando|observando|preguntando)',
      '(?:parad[oa]s|estacionad[oa]s|sentad[oa]s)\\s+(?:\\w+\\s+){0,5}(?:nomas|nada\\s+mas|no\\s+mas|solamente)',
      'no\\s+(?:han\\s+|se\\s+han\\s+|se\\s+)?(?:agarrado|llevado|detenido|arrestado|llevaron|agarraron|detuvieron|arrestaron)\\s+a\\s+nadie',
      'nadie\\s+(?:detenid[oa]|arrestad[oa])',
      'no\\s+(?:estan|andan)\\s+(?:haciendo\\s+nada|deteniendo|arrestando|agarrando)',
      'no\\s+(?:pararon|se\\s+pararon|se\\s+detuvieron)',
    ],
    unsurePatterns: ['no\\s+se\\s+si\\s+(?:[^\\s]+\\s+){0,5}[^\\s]+'],
    victimVerbs: `llevaron llevan llevo detuvieron detienen deteniendo arrestaron arrestando agarraron agarrando
      levantaron capturaron subieron subiendo metieron metiendo sacaron sacando esposaron esposando agarrar
      detener arrestar llevar persiguiendo persiguieron`,
  },
  time: {
    nowPatterns: [
      'ahorita\\s+mismo|ahora\\s+mismo|ahoritita|ahorita|ahora|aorita|orita|horita|aora',
      'en\\s+este\\s+momento|en\\s+estos\\s+momentos|en\\s+este\\s+instante|justo\\s+ahora',
      '(?:todavia|aun)\\s+(?:estan|siguen|hay|andan)',
      'siguen\\s+(?:ahi|aqui|alli|alla|afuera)',
    ],
    earlierPatterns: ['mas\\s+temprano', 'hoy\\s+temprano', 'desde\\s+temprano'],
    stale: [
      { pattern: 'antier|anteayer|antes\\s+de\\s+ayer', daysBack: 2, hour: 12 },
      { pattern: 'ayer\\s+(?:en|por|a)\\s+la\\s+noche|anoche', daysBack: 1, hour: 21, evening: true },
      { pattern: 'ayer\\s+(?:en|por)\\s+la\\s+tarde', daysBack: 1, hour: 16, evening: true },
      { pattern: 'ayer\\s+(?:en|por)\\s+la\\s+manana', daysBack: 1, hour: 9 },
      { pattern: 'ayer', daysBack: 1, hour: 12 },
      { pattern: 'la\\s+semana\\s+pasada|el\\s+otro\\s+dia', daysBack: 7, hour: 12 },
      { pattern: '(?:esta|hoy\\s+en\\s+la|hoy\\s+por\\s+la|en\\s+la|por\\s+la|desde\\s+la)\\s+(?:manana|madrugada)', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ['hoy', 'esta\\s+(?:tarde|noche)'],
    weekdays: ['lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo'],
    weekdayLeadPatterns: ['el', 'este', 'el\\s+pasado'],
    fixedAgo: [
      ['hace\\s+(?:una\\s+)?hora\\s+y\\s+media', 90],
      ['hace\\s+(?:un\\s+)?ratito', 15],
      ['hace\\s+(?:un\\s+)?(?:buen\\s+)?rato', 30],
      ['hace\\s+(?:muy\\s+)?poco(?:\\s+tiempo)?', 15],
      ['hace\\s+(?:un\\s+)?(?:momento|momentito|instante|segundo|segundito)', 5],
      ['hace\\s+unos\\s+(?:momentos|segundos|minutitos)', 5],
      ['hace\\s+nada', 2],
    ],
    about: [
      'como',
      'unos',
      'unas',
      'aprox',
      'aproximadamente',
      'mas o menos',
      'casi',
      'ya',
      'apenas',
      'solo',
      'tipo',
      'menos de',
      'mas de',
    ],
    units: ['minutos', 'minuto', 'horas', 'hora', 'segundos', 'segundo', 'segs', 'seg', 'dias', 'dia'],
    quantities: ['media', 'un par de', 'unos cuantos', 'unas cuantas', 'unos pocos', 'unas pocas', 'unos', 'unas', 'pocos', 'pocas'],
    // "hace"/"ago" and clock times are read by time.ts and time-clock.ts for Spanish and English
    agoBefore: [],
    agoAfter: [],
    unitMinutes: {},
    clock: { leads: [], hourMarks: [], half: [], am: [], pm: [], night: [] },
  },
  saluteLabels: {
    size: ['s', 'tamano', 'cantidad', 'cuantos'],
    activity: ['a', 'actividad', 'que hacen'],
    location: ['l', 'lugar', 'ubicacion', 'donde', 'direccion'],
    uniform: ['u', 'uniforme', 'uniformes', 'ropa'],
    time: ['t', 'hora', 'tiempo', 'cuando'],
    equipment: ['e', 'equipo', 'vehiculos'],
  },
  correctionPatterns: [
    'no\\s+esper[ae]n?',
    'esper[ae]n?',
    'no\\s+perdon',
    'perdon',
    'no\\s+mejor\\s+dicho',
    'mejor\\s+dicho',
    'quise\\s+decir',
    'quiero\\s+decir',
    'digo',
    'o\\s+sea',
    'bueno',
    'mas\\s+bien',
    'corrijo',
    'correccion',
  ],
  correctionOpeners: {
    patterns: [
      'no\\s+(?:espera|perdon|mejor|son|eran|era|es)',
      'espera',
      'perdon',
      'mejor\\s+dicho',
      'corrijo',
      'correccion',
      'quise\\s+decir',
      'digo',
      'me\\s+equivoque',
    ],
    shortOpeners: ['espera', 'perdon', 'digo'],
  },
  nothingMore: ['nada', 'nada mas', 'eso es todo'],
  fields: {
    activity: {
      arrest: [
        'detenid[oa]s?|deteniendo|detuvieron|detuvo|detienen|detener|arrestad[oa]s?|arrestando|arrestaron|arrestan',
        'agarraron|agarrando|agarran|agarro|llevandose|levantaron|capturaron|capturando|esposad[oa]s?|esposando|esposaron',
        'se\\s+(?:lo\\s+|la\\s+|los\\s+|las\\s+|le\\s+|les\\s+)?(?:estan\\s+llevando|esta\\s+llevando|llevan|llevaron|llevo|lleva)',
      ],
      raid: ['redadas?|operativos?|allanamientos?|allanaron|allanando'],
      checkpoint: ['retenes|reten|puestos?\\s+de\\s+control|puntos?\\s+de\\s+control|revisando\\s+(?:carros|papeles|documentos|licencias)'],
      door_knocking: [
        '(?:tocando|tocan|tocaron|toco|toca|golpeando|golpean|tocando\\s+en)\\s+(?:a\\s+)?(?:la\\s+|las\\s+|mi\\s+|su\\s+)?puertas?',
        'puerta\\s+(?:por|en)\\s+puerta|casa\\s+por\\s+casa',
      ],
      surveillance: ['estacionad[oa]s?|parquead[oa]s?|vigilando|vigilan|siguiendo|observando|esperando\\s+afuera|sentados?\\s+en'],
      patrol: ['rondando|patrullando|dando\\s+(?:vueltas|la\\s+vuelta|rondines)|recorriendo|parad[oa]s'],
    },
    selfWatchingPatterns: ['(?:estoy|estamos)\\s+(?:observando|vigilando|mirando)'],
    markings: {
      CBP: ['patrulla\\s+fronteriza'],
      POLICE: ['policias?|alguacil(?:es)?'],
      plain_clothes: [
        '(?:vestidos?\\s+)?de\\s+civil(?:es)?|ropa\\s+(?:normal|de\\s+civil|casual|regular|comun|de\\s+calle)|sin\\s+uniformes?',
      ],
      vests: ['chalecos?|antibalas'],
      masks: ['mascaras?|mascarillas?|pasamontanas?|cubrebocas|tapabocas|caras?\\s+(?:tapadas?|cubiertas?)|encapuchados?'],
      uniforms: ['uniformados?|uniformes?'],
    },
    negations: 'no sin ningun ninguna ninguno nunca',
    weaponPatterns: ['armas?|pistolas?|armad[oa]s?|escopetas?|metralletas?|cuernos?\\s+de\\s+chivo'],
    unarmedPatterns: ['desarmad[oa]s?|sin\\s+armas|no\\s+(?:traian|llevaban|tenian|vi|tienen|traen|llevan)\\s+armas'],
    vehicleDescriptionPatterns: [
      'negr[oa]s?|blanc[oa]s?|gris(?:es)?|plata|platead[oa]s?|azul(?:es)?|roj[oa]s?|verdes?|cafes?|dorad[oa]s?|oscur[oa]s?',
      'sin\\s+(?:logos?|placas|marcas|rotular)|polarizad[oa]s?|vidrios\\s+oscuros',
    ],
    plateWordPatterns: ['placas?|licencia|matriculas?'],
    plateFillers: 'numero num no es dice dicen decia son era eran de del la las el los es: estado',
    firsthand: {
      openers: ['vi|veo|viendo'],
      patterns: [
        '(?:yo\\s+)?(?:lo|la|los|las)\\s+(?:vi|estoy\\s+viendo|estoy\\s+mirando|acabo\\s+de\\s+ver)',
        'yo\\s+vi|vi\\s+(?:a|que|como|unos|unas|un|una|dos|tres|cuatro|cinco|\\d)',
        'estoy\\s+viendo|estoy\\s+mirando|acabo\\s+de\\s+ver|(?:los\\s+)?tengo\\s+enfrente',
      ],
    },
  },
  clauses: {
    abbreviations: 'av sr sra srta aprox num',
    and: 'y',
    but: 'pero',
    starts:
      'se hay estan estaban son eran tienen traen llevan andan van vinieron llegaron yo tambien luego ahora hace en cerca frente afuera lo ya todavia',
    between: 'entre',
  },
  streets: {
    words: 'avenida bulevar calle calzada camino carretera paseo privada cerrada andador callejon ruta',
    numberedLead: 'calle avenida ruta carretera',
    articleBeforeNumber: 'la',
    boundary: `en de del cerca frente enfrente afuera fuera esquina interseccion cruce entre la el los las a al por hacia
      detras junto lado dentro alrededor y e con ahora ahorita hoy ayer hace aqui alli ahi hay estan esta son`,
    notStreet: `agentes agente oficiales policia policias migra migras carros carro camioneta camionetas troca trocas
      chalecos mascaras uniformes gente personas hombres yo nosotros ellos ellas mi mis tu su sus esto eso que quien
      alguien nadie minutos horas media cuarto detenido detenidos llevaron llevan vi veo mas no si escuela tienda
      iglesia parque casa trabajo`,
    leadIn: 'en la el de esquina interseccion cruce cerca por entre alrededor las los calles',
    connectors: 'y e con',
    strictConnectors: '',
    directions: 'este oeste norte sur',
    zipNext: 'zona codigo postal',
    notName: `la migra ahora ahorita hoy ayer hace minutos agarraron llevaron arrestando deteniendo estacionados vigilando
      tocando parados sentados viendo esperando redada reten nadie algo`,
  },
  pieces: {
    split: 'en cerca frente enfrente afuera detras junto dentro por con vestidos usando hay habia estan andan tienen al',
    splitPairs: ['al lado'],
    splitBeforePlace: { preposition: 'a', articles: 'la el' },
    strongLocation: ['cerca', 'frente', 'enfrente', 'afuera', 'detras', 'junto', 'dentro', 'al'],
    with: 'con',
    of: 'de',
    articles: 'el la los las',
    locationPrepositions: 'en por',
    droppedPrepositions: 'en',
    describePrepositions: 'con vestidos usando en',
    notPlacePhrases: ['por favor', 'por eso', 'por que', 'por cierto', 'por si', 'por lo', 'por fin', 'por ahora'],
    notPlace: 'pie manana tarde noche general serio total favor',
    placeWords: `escuela tienda iglesia parque esquina calle avenida estacionamiento gasolinera lavanderia mercado
      hospital clinica corte parada estacion metro centro barrio colonia plaza restaurante taqueria panaderia
      apartamentos edificio carretera`,
    doors: 'puerta puertas',
    countLeadPatterns: ['son|eran|hay|habia|como|unos|unas|aprox|mas\\s+o\\s+menos|casi|al\\s+menos'],
  },
  places: {
    nonLocationPatterns: [
      '(?:en|por|de|a|cerca\\s+de|afuera\\s+de|frente\\s+a|enfrente\\s+de)?\\s*(?:mi|mis|nuestra|nuestro|su)\\s+(?:calle|cuadra|casa|puerta|barrio|colonia|vecindario|edificio|depa|departamento|apartamento|trabajo|traila|yarda|area|zona)',
      '(?:la\\s+)?(?:casa|puerta|depa|departamento|apartamento|traila)\\s+de\\s+(?:mi|su|nuestr[oa])\\s+\\w+',
      'aqui(?:\\s+(?:afuera|cerca|mismo|enfrente|adentro))?',
      'aca|alli|alla|ahi(?:\\s+mismo|\\s+nomas)?|por\\s+aqui|por\\s+ahi',
      'afuera|adentro|enfrente|en\\s+frente|al\\s+lado|de\\s+al\\s+lado|a\\s+la\\s+vuelta',
      'no\\s+se\\s+(?:el\\s+nombre(?:\\s+de\\s+la\\s+calle)?|la\\s+calle|donde|como\\s+se\\s+llama)',
      'no\\s+se|ni\\s+idea|no\\s+me\\s+acuerdo',
    ],
    placeNouns: `escuela primaria secundaria prepa preparatoria colegio universidad iglesia parroquia templo parque
      tienda tiendita mercado mercadito super supermercado lavanderia gasolinera estacion parada paradero plaza
      centro comercial swap restaurante restaurant taqueria panaderia carniceria clinica hospital corte
      biblioteca fabrica factoria bodega almacen yonke obra edificio apartamentos departamentos depas motel
      hotel esquina cuadra barrio colonia casa puerta estacionamiento parqueo parqueadero oficina banco
      correo metro terminal lote vecindario bus colmado pulperia bodega carwash`,
    brands: ['el\\s+super', 'vallarta', 'northgate', 'cardenas', 'la\\s+michoacana', 'superior\\s+grocers'],
    fillers: `el la los las lo le les un una unos unas de del al a en por para con sin sobre entre hacia desde
      hasta y o e u que quien donde cuando como cual mi mis tu tus su sus nuestro nuestra nuestros nuestras
      este esta estos estas ese esa esos esas aquel aquella ahi aqui alli alla aca afuera adentro dentro
      fuera frente enfrente cerca lejos junto lado atras detras delante pegado nomas mero mismo hay estan
      esta estaban estaba son es era eran andan anda nombre se no si ya oigan oye cuidado bueno perdon
      muy mas cerquita afuerita vuelta otro otra`,
    selfPatterns: ['(?:me\\s+)?estacione', '(?:iba|venia|andaba)\\s+(?:manejando|caminando|pasando)', 'vivo\\s+(?:en|por)'],
  },
  messages: {
    rightsPatterns: [
      'que\\s+(?:hago|hacemos|debo\\s+hacer|tengo\\s+que\\s+hacer|puedo\\s+hacer)',
      '(?:tengo|tenemos|debo)\\s+que\\s+(?:abrir|abrirles|abrirle|contestar|responder|firmar|decir|dar|ensenar|mostrar|hablar)',
      '(?:les|le)\\s+abro|abro\\s+(?:la\\s+puerta|o\\s+no)',
      '(?:pueden|puede)\\s+(?:entrar|meterse|pasar|arrestarme|pedirme|pedir|revisar|detenerme|sacarme)',
      '(?:mis|que|cuales|sus|tus)\\s+derechos',
      'me\\s+pueden\\s+(?:arrestar|detener|pedir|obligar)',
      'sin\\s+(?:una\\s+)?orden(?:\\s+judicial|\\s+de\\s+(?:un\\s+)?juez)?\\s*\\?',
    ],
    thanksPatterns: ['(?:muchas\\s+|mil\\s+|muchisimas\\s+)?gracias(?:\\s+por\\s+todo)?', 'grax|grasias', 'dios\\s+(?:los|les)\\s+bendiga'],
    testPatterns: ['(?:esto\\s+es\\s+|es\\s+)?una\\s+prueba', 'prueba', 'probando'],
    greetingPatterns: [
      'hola',
      'buen[oa]s(?:\\s+(?:dias|tardes|noches))?',
      'buen\\s+dia',
      'que\\s+tal',
      'saludos',
      '(?:quiero|queria|necesito)\\s+(?:reportar|hacer\\s+un\\s+reporte)(?:\\s+algo)?',
    ],
    questionPatterns: [
      'es\\s+(?:cierto|verdad)',
      '(?:alguien|alguno)\\s+sabe',
      '(?:escuche|escuchamos|oi)\\s+que',
      'es\\s+real',
      'a\\s+quien\\s+(?:llamo|le\\s+hablo|acudo|le\\s+llamo)',
      'dicen\\s+que',
      'me\\s+dijeron\\s+que',
      '(?:como|donde)\\s+(?:encuentro|busco|localizo|puedo\\s+(?:encontrar|saber|buscar|localizar))',
      'a\\s+donde\\s+(?:llevan|se\\s+llevan|se\\s+los\\s+llevan|se\\s+lo\\s+llevaron|se\\s+la\\s+llevaron)',
      'como\\s+(?:puedo\\s+)?saber\\s+si',
      'quienes\\s+son',
      'que\\s+es\\s+esto',
    ],
    presencePatterns: [
      '(?:estan|estaban|andan|anda|siguen|llegaron|se\\s+pararon)\\s+(?:en|por|afuera|aqui|ahi|alli|enfrente|cerca|frente)',
    ],
    ownDoorPatterns: [
      '(?:en|a|afuera\\s+de|enfrente\\s+de|en\\s+frente\\s+de|frente\\s+a|fuera\\s+de)\\s+(?:la\\s+puerta\\s+de\\s+)?(?:mi|nuestra)\\s+(?:casa|puerta|depa|departamento|apartamento|traila|yarda)',
      '(?:tocando|tocan|tocaron|golpeando|golpean)\\s+(?:a\\s+)?(?:mi|nuestra)\\s+puerta',
      'puerta\\s+de\\s+(?:mi|nuestra)\\s+(?:casa|depa|departamento|apartamento|traila)',
    ],
  },
};
