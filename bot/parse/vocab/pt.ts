/**
 * Brazilian Portuguese as tipsters type it on a phone: folded (no accents, lower case), with
 * texting shorthand ("vc", "ta", "to", "pra"), Brazilian words for police cars (viatura) and
 * pickups (caminhonete), and the "ha/faz 10 minutos" way of saying ago. Words Spanish already
 * has with the same meaning (agentes, carro, esquina) need not be repeated.
 */
import type { Vocabulary } from './vocabulary.js';

export const PT: Vocabulary = {
  lang: 'pt',
  names: ['portugues', 'portuguese', 'brasileiro', 'brazilian', 'portugais', 'por'],
  keywords: {
    ajuda: 'help',
    socorro: 'help',
    voltar: 'back',
    pular: 'skip',
    cancelar: 'cancel',
    idioma: 'language',
    lingua: 'language',
    direitos: 'rights',
    'meus direitos': 'rights',
    'seus direitos': 'rights',
    'conheca seus direitos': 'rights',
    apagar: 'stop',
    parar: 'stop',
    pronto: 'done',
  },
  yesNo: {
    yes: ['sim', 'isso', 'certo', 'pode', 'beleza', 'claro', 'uhum', 'aham', 'exato', 'positivo', 'confirmo'],
    no: ['nao', 'naum', 'nops', 'negativo'],
    letters: { s: true, n: false },
    dontKnowPatterns: ['nao\\s+sei\\b', 'nao\\s+tenho\\s+certeza\\b', 'nao\\s+lembro\\b', 'sei\\s+la\\b'],
  },
  language: {
    strong: `voce vc oi ola obrigado obrigada valeu tem tinha tinham estao estava estavam tao ta to sao agora agorinha
      aqui ali rua ruas perto viatura viaturas caminhonete caminhonetes camionete levaram prenderam pegaram prendendo
      algemado algemados algemando homens pessoas nao sim bom boa noite ontem hoje dois duas quatro sete oito nove dez
      muitos muitas preto pretos preta pretas branco branca brancos cinza vermelho igreja escola loja padaria posto
      onde quando quantos eu vi vendo meu minha nossa porta portas batendo colete coletes policiais imigracao pra
      muito ajuda tambem entao eles elas faz meia sem podem minha vigiando teste uns levando trabalhadores ninguem
      onibus feira caras cara voces vao isso preciso acabaram levar rapaz moco menino marido
      mulher criancas cheio cuidado`,
    weak: 'e da das dos na nas uma em pro com',
  },
  numbers: {
    words: {
      zero: 0,
      um: 1,
      uma: 1,
      dois: 2,
      duas: 2,
      tres: 3,
      quatro: 4,
      cinco: 5,
      seis: 6,
      sete: 7,
      oito: 8,
      nove: 9,
      dez: 10,
      onze: 11,
      doze: 12,
      treze: 13,
      catorze: 14,
      quatorze: 14,
      quinze: 15,
      dezesseis: 16,
      dezessete: 17,
      dezoito: 18,
      dezenove: 19,
      vinte: 20,
      trinta: 30,
      quarenta: 40,
      cinquenta: 50,
      duzia: 12,
    },
    articleOne: ['um', 'uma'],
    vague: ['varios', 'varias', 'muitos', 'muitas', 'alguns', 'algumas', 'monte', 'bando'],
    pairs: [
      ['uma', 'duzia', 12],
      ['meia', 'duzia', 6],
    ],
    triples: [],
    beforeUnit: {},
    more: ['mais'],
  },
  agents: {
    words: `agente agentes policial policiais oficial oficiais homem homens pessoa pessoas federais federal imigracao
      guardas guarda fardados`,
    genericPeople: 'homem homens pessoa pessoas',
    agencies: '',
  },
  vehicles: {
    words: `carro carros viatura viaturas caminhonete caminhonetes camionete camionetes veiculo veiculos furgao furgoes
      caminhao caminhoes picape picapes van vans`,
  },
  detention: {
    takingPatterns: [
      '(?:estao|esta|tao|ta)\\s+(?:prendendo|levando|pegando|algemando|detendo|enquadrando|colocando)',
      'prendendo|algemando|algemad[oa]s?|algemaram|prenderam|prendeu|detiveram|enquadraram',
      '(?:levaram|pegaram|levou|pegou|levando|pegando|colocaram|botaram|jogaram)\\s+(?:(?:o|a|os|as|um|uma|uns|umas|dois|duas|tres|meu|minha|meus|\\d+)\\s+)?(?:gente|alguem|pessoas?|homem|homens|mulher(?:es)?|caras?|rapaz(?:es)?|moc[oa]s?|trabalhador(?:es)?|vizinh[oa]s?|pai|mae|filh[oa]s?|irm[ao]s?|tio|tia|prim[oa]s?|marido|esposa|\\w+\\s+(?:pra|para|na|no)\\s+(?:viatura|van|carro|caminhonete))',
      'acabaram\\s+de\\s+(?:levar|prender|pegar|algemar)',
    ],
    notTakingPatterns: [
      '(?:so|somente|apenas)\\s+(?:\\w+\\s+){0,2}(?:parad[oa]s|estacionad[oa]s|olhando|vigiando|esperando|passando|rodando|sentad[oa]s)',
      'ninguem\\s+(?:foi\\s+)?(?:pres[oa]|detid[oa]|levad[oa])',
      'nao\\s+(?:prenderam|levaram|pegaram|detiveram)\\s+ninguem',
      'nao\\s+(?:estao|tao)\\s+(?:fazendo\\s+nada|prendendo|levando)',
    ],
    unsurePatterns: ['nao\\s+sei\\s+se\\s+(?:[^\\s]+\\s+){0,5}[^\\s]+'],
    victimVerbs: `levaram levando levou prenderam prendendo prendeu pegaram pegando pegou algemaram algemando detiveram
      colocaram botaram jogaram enquadraram`,
  },
  time: {
    nowPatterns: [
      'agora\\s+mesmo|agorinha|agora',
      'neste\\s+momento|nesse\\s+momento|nesse\\s+instante|bem\\s+agora',
      '(?:ainda|continuam)\\s+(?:estao|tao|ta|tem|aqui|ali|la)',
    ],
    earlierPatterns: ['(?:hoje\\s+)?mais\\s+cedo'],
    stale: [
      { pattern: 'anteontem', daysBack: 2, hour: 12 },
      { pattern: 'ontem\\s+(?:a|de|pela)\\s+noite|noite\\s+passada', daysBack: 1, hour: 21, evening: true },
      { pattern: 'ontem\\s+(?:a|de|pela)\\s+tarde', daysBack: 1, hour: 16, evening: true },
      { pattern: 'ontem\\s+(?:de|pela)\\s+manha', daysBack: 1, hour: 9 },
      { pattern: 'ontem', daysBack: 1, hour: 12 },
      { pattern: 'semana\\s+passada|outro\\s+dia', daysBack: 7, hour: 12 },
      { pattern: '(?:hoje\\s+)?(?:de|pela|nesta|esta)\\s+manha|hoje\\s+cedo|de\\s+madrugada', daysBack: 0, hour: 8 },
    ],
    todayPatterns: ['hoje', 'hoje\\s+a\\s+(?:tarde|noite)', 'esta\\s+tarde'],
    weekdays: [
      'segunda(?:-|\\s)?feira',
      'terca(?:-|\\s)?feira',
      'quarta(?:-|\\s)?feira',
      'quinta(?:-|\\s)?feira',
      'sexta(?:-|\\s)?feira',
      'sabado',
      'domingo',
    ],
    weekdayLeadPatterns: ['na', 'no', 'na\\s+ultima', 'no\\s+ultimo'],
    fixedAgo: [
      ['(?:ha|faz)\\s+(?:uma\\s+)?hora\\s+e\\s+meia', 90],
      ['(?:ha|faz)\\s+(?:um\\s+)?(?:pouquinho|pouco|instantinho|instante|minutinho|tempinho)', 15],
      ['(?:ha|faz)\\s+(?:um\\s+)?tempo', 30],
      ['(?:ha|faz)\\s+(?:uns\\s+)?(?:segundos|minutinhos)', 5],
    ],
    about: ['uns', 'umas', 'tipo', 'mais ou menos', 'quase', 'cerca de', 'uns'],
    units: ['minutos', 'minuto', 'min', 'horas', 'hora', 'hrs', 'hr', 'h', 'segundos', 'dias', 'dia'],
    quantities: ['meia', 'um par de', 'uns', 'umas', 'poucos', 'poucas'],
    agoBefore: ['ha', 'faz', 'fazem', 'fazia'],
    agoAfter: ['atras'],
    unitMinutes: {},
    clock: {
      leads: ['as', 'pelas', 'por\\s+volta\\s+das', 'la\\s+pelas', 'umas'],
      hourMarks: ['h', 'hs', 'hrs'],
      half: ['e\\s+meia'],
      am: ['da\\s+manha', 'de\\s+manha'],
      pm: ['da\\s+tarde', 'de\\s+tarde'],
      night: ['da\\s+noite', 'de\\s+noite', 'da\\s+madrugada'],
    },
  },
  saluteLabels: {
    size: ['s', 'tamanho', 'quantidade', 'quantos'],
    activity: ['a', 'atividade', 'o que fazem'],
    location: ['l', 'local', 'lugar', 'onde', 'endereco'],
    uniform: ['u', 'uniforme', 'uniformes', 'roupa'],
    time: ['t', 'hora', 'horario', 'quando'],
    equipment: ['e', 'equipamento', 'veiculos'],
  },
  correctionPatterns: ['nao\\s+espera', 'espera', 'desculpa', 'quer\\s+dizer', 'quero\\s+dizer', 'ou\\s+melhor', 'corrigindo'],
  correctionOpeners: {
    patterns: ['nao\\s+(?:espera|desculpa|sao|eram|era)', 'espera', 'desculpa', 'ou\\s+melhor', 'corrigindo', 'quer\\s+dizer', 'errei'],
    shortOpeners: ['espera', 'desculpa'],
  },
  nothingMore: ['nada', 'nada mais', 'so isso', 'e isso', 'mais nada'],
  fields: {
    activity: {
      arrest: [
        'pres[oa]s?|prendendo|prenderam|prendeu|prendem|detid[oa]s?|detendo|detiveram|algemad[oa]s?|algemando|algemaram|enquadrando|enquadraram',
        '(?:levaram|levando|pegaram|pegando)\\s+(?:o\\s+|a\\s+|um\\s+|uma\\s+|uns\\s+|\\d+\\s+)?(?:gente|alguem|pessoas?|homem|homens|mulher|cara|rapaz|trabalhador(?:es)?|vizinh[oa]|\\w+\\s+pra\\s+viatura)',
      ],
      raid: ['batidas?|operacao|operacoes|invadiram|invadindo|invasao'],
      checkpoint: ['blitz|barreiras?|bloqueios?|postos?\\s+de\\s+controle|parando\\s+(?:os\\s+)?carros'],
      door_knocking: [
        '(?:batendo|bateram|batem)\\s+(?:na|nas|em)\\s+(?:minha\\s+|nossa\\s+)?portas?|porta\\s+(?:em|a)\\s+porta|de\\s+casa\\s+em\\s+casa',
      ],
      surveillance: ['estacionad[oa]s?|vigiando|observando|seguindo|esperando\\s+(?:la\\s+)?fora|tirando\\s+fotos'],
      patrol: ['rondando|patrulhando|dando\\s+voltas?|circulando|rodando\\s+(?:pelo|pela|no|na)|parad[oa]s'],
    },
    selfWatchingPatterns: ['(?:estou|to|tou|estamos)\\s+(?:olhando|vigiando|observando)'],
    markings: {
      CBP: ['patrulha\\s+(?:de\\s+)?fronteira'],
      POLICE: ['policia|policiais|policial'],
      plain_clothes: ['(?:a\\s+)?paisana|roupa\\s+(?:normal|comum|civil)|sem\\s+(?:farda|uniforme)s?'],
      vests: ['coletes?|a\\s+prova\\s+de\\s+balas?'],
      masks: ['mascaras?|mascarad[oa]s?|encapuzad[oa]s?|balaclavas?|rostos?\\s+cobertos?|toucas?\\s+ninja'],
      uniforms: ['fardad[oa]s?|fardas?|uniformizad[oa]s?'],
    },
    negations: 'nao sem nenhum nenhuma nunca',
    weaponPatterns: ['armas?|armad[oa]s?|pistolas?|fuzis|fuzil|espingardas?|revolver'],
    unarmedPatterns: ['desarmad[oa]s?|sem\\s+armas?'],
    vehicleDescriptionPatterns: [
      'pret[oa]s?|branc[oa]s?|cinzas?|prat[ao]s?|pratead[oa]s?|azu(?:l|is)|vermelh[oa]s?|verdes?|escur[oa]s?',
      'descaracterizad[oa]s?|sem\\s+placas?|insulfilm|vidros?\\s+escuros',
    ],
    plateWordPatterns: ['placas?'],
    plateFillers: 'numero num e diz dizia de da do era',
    firsthand: {
      openers: ['vi|to\\s+vendo|tou\\s+vendo|estou\\s+vendo'],
      patterns: ['eu\\s+vi|(?:eu\\s+)?(?:estou|to|tou)\\s+vendo|acabei\\s+de\\s+ver|vi\\s+(?:uns|umas|um|uma|dois|duas|tres|\\d)'],
    },
  },
  clauses: {
    abbreviations: 'av r dr sr sra aprox num',
    and: 'e',
    but: '',
    starts: 'tem estao estavam sao eram levaram eu tambem depois agora ha faz perto ainda ja',
    between: 'entre',
  },
  streets: {
    words: 'rua avenida travessa estrada rodovia praca',
    numberedLead: 'rua avenida estrada rodovia',
    articleBeforeNumber: '',
    boundary: `em na nas de do da dos das perto frente esquina cruzamento entre o os as ao pela pelo para e com agora hoje
      ontem ha aqui ali tem estao sao`,
    notStreet: `policiais viatura viaturas caminhonete coletes mascaras pessoas homens eu nos eles elas meu minha voce isso
      alguem ninguem minutos horas presos levaram vi escola loja igreja casa trabalho`,
    leadIn: 'na em esquina cruzamento perto entre ruas da do',
    connectors: 'e com',
    strictConnectors: '',
    directions: 'leste oeste norte sul',
    zipNext: 'cep',
    notName: 'agora hoje ontem minutos prenderam levaram parados vigiando batendo blitz ninguem algo',
  },
  pieces: {
    split: 'em na nas no nos perto frente atras dentro fora pela pelo com vestidos usando tem estao',
    splitPairs: ['do lado', 'ao lado', 'em frente', 'na frente'],
    splitBeforePlace: undefined,
    strongLocation: ['perto', 'frente', 'atras', 'dentro', 'fora', 'ao lado', 'em frente', 'na frente'],
    with: 'com',
    of: 'do da dos das',
    articles: 'o a os as',
    locationPrepositions: 'em na nas no nos pela pelo',
    droppedPrepositions: 'em na nas no nos',
    describePrepositions: 'com usando vestidos',
    notPlacePhrases: ['na verdade', 'na hora', 'em casa'],
    notPlace: 'manha tarde noite hora momento verdade geral',
    placeWords: `escola loja igreja parque esquina rua avenida estacionamento posto mercado supermercado padaria lavanderia
      hospital clinica tribunal parada ponto estacao metro centro bairro praca restaurante lanchonete predio apartamentos
      rodovia shopping`,
    doors: 'porta portas',
    countLeadPatterns: ['sao|eram|tem|tinha|uns|umas|tipo|mais\\s+ou\\s+menos|quase|pelo\\s+menos|cerca\\s+de'],
  },
  places: {
    nonLocationPatterns: [
      '(?:na|em|perto\\s+d[ao]|fora\\s+d[ao]|em\\s+frente\\s+(?:a|d[ao]))?\\s*(?:minha|meu|nossa|nosso)\\s+(?:rua|quadra|casa|porta|bairro|predio|apartamento|ap|trabalho|quintal|area)',
      'aqui(?:\\s+(?:fora|perto|mesmo|na\\s+frente))?',
      'ali|por\\s+aqui|por\\s+ai|la\\s+fora|aqui\\s+fora',
      'nao\\s+sei(?:\\s+o\\s+nome(?:\\s+da\\s+rua)?|\\s+a\\s+rua|\\s+onde)?',
      'sei\\s+la|nem\\s+ideia',
    ],
    placeNouns: `escola igreja parque loja mercado supermercado padaria lavanderia posto parada ponto praca shopping
      restaurante lanchonete clinica hospital tribunal biblioteca fabrica deposito armazem obra predio apartamentos
      hotel motel esquina quadra bairro casa porta estacionamento escritorio banco correio metro terminal`,
    brands: [],
    fillers: `o a os as um uma uns umas de do da dos das na nas em por para pra pro com sem sobre entre ate e ou que quem
      onde quando como qual meu minha meus minhas seu sua nosso nossa esse essa este isso isto aquele aquela aqui ali
      ai fora dentro perto longe frente lado atras tem estao sao era eram nome nao sim ja olha cuidado bom desculpa
      muito mais`,
    selfPatterns: [
      '(?:eu\\s+)?estacionei',
      '(?:eu\\s+)?(?:estava|tava)\\s+(?:dirigindo|andando|passando|indo|vindo)',
      'moro\\s+(?:na|no|em|perto)',
    ],
  },
  messages: {
    rightsPatterns: [
      'o\\s+que\\s+(?:eu\\s+)?(?:faco|fazemos|devo\\s+fazer|tenho\\s+que\\s+fazer|posso\\s+fazer)',
      '(?:tenho|temos|devo)\\s+que\\s+(?:abrir|responder|assinar|falar|mostrar|dar)',
      '(?:eu\\s+)?abro\\s+(?:a\\s+porta|ou\\s+nao)',
      '(?:eles\\s+)?(?:podem|pode)\\s+(?:entrar|me\\s+prender|me\\s+levar|revistar|pedir)',
      '(?:meus|quais|seus|nossos)\\s+direitos',
      'sem\\s+(?:um\\s+)?mandado(?:\\s+judicial|\\s+de\\s+um\\s+juiz)?\\s*\\?',
    ],
    thanksPatterns: ['(?:muito\\s+)?obrigad[oa](?:\\s+por\\s+tudo)?', 'valeu', 'brigad[oa]', 'deus\\s+(?:te|lhe|os)\\s+abencoe'],
    testPatterns: ['(?:isto\\s+e\\s+|isso\\s+e\\s+)?(?:so\\s+)?um\\s+teste', 'teste|testando'],
    greetingPatterns: [
      'oi|ola|opa',
      'bom\\s+dia|boa\\s+tarde|boa\\s+noite',
      'tudo\\s+bem',
      '(?:quero|queria|preciso)\\s+(?:denunciar|relatar|reportar|fazer\\s+uma\\s+denuncia)(?:\\s+uma\\s+coisa|\\s+algo)?',
    ],
    questionPatterns: [
      'e\\s+verdade',
      '(?:alguem|algum)\\s+sabe',
      '(?:ouvi|escutei)\\s+(?:dizer\\s+)?que',
      'disseram\\s+que',
      'estao\\s+dizendo\\s+que',
      'e\\s+boato',
      'pra\\s+quem\\s+(?:eu\\s+)?ligo',
      'como\\s+(?:eu\\s+)?(?:encontro|acho|posso\\s+(?:encontrar|achar|saber))',
      'pra\\s+onde\\s+(?:levam|levaram)',
    ],
    presencePatterns: ['(?:estao|estavam|tao|chegaram|pararam)\\s+(?:na|no|em|aqui|ali|perto|em\\s+frente)'],
    ownDoorPatterns: [
      '(?:na|a|em\\s+frente\\s+[ad]a|fora\\s+da)\\s+(?:porta\\s+da\\s+)?(?:minha|nossa)\\s+(?:casa|porta|apartamento|ap)',
      '(?:batendo|bateram|batem)\\s+na\\s+(?:minha|nossa)\\s+porta',
      'porta\\s+da\\s+(?:minha|nossa)\\s+casa',
    ],
  },
};
