/**
 * Tips as people write them (Spanish, English, Spanglish, misspelt, by landmark), each with the
 * zone a dispatcher with a map would choose, for the zones of `ZONES_YAML` over the fixture map.
 * `null`: nothing a responder could drive to; such a tip must land in no zone.
 */
export const ZONES_YAML = `
zones:
  - id: eastside
    name: { es: Lado Este, en: East Side }
    aliases: [boyle heights, "90033", "90023"]
    area: { polygon: [[34.018, -118.2235], [34.058, -118.2235], [34.058, -118.186], [34.018, -118.186]] }
  - id: eastla
    name: { es: Este de Los Ángeles, en: East LA }
    aliases: [east la, este de los angeles, elay]
    area: { polygon: [[34.01, -118.186], [34.06, -118.186], [34.06, -118.15], [34.01, -118.15]] }
  - id: downtown
    name: { es: Centro, en: Downtown }
    aliases: [dtla, el centro]
    area: { polygon: [[34.030, -118.26], [34.062, -118.26], [34.062, -118.232], [34.030, -118.232]] }
  - id: sgv
    name: { es: San Gabriel, en: San Gabriel Valley }
    aliases: [alhambra]
    area: { center: [34.09, -118.13], radiusMeters: 4000 }
  - id: southeast
    name: { es: Sureste, en: Southeast }
    aliases: [huntington park, hp, "90255"]
    area: { polygon: [[33.96, -118.245], [33.998, -118.245], [33.998, -118.195], [33.96, -118.195]] }
`;

export const TIPS: [string, string | null][] = [
  // Boyle Heights, Lado Este
  ['Hay 3 trocas de ICE en la Cesar Chavez y Lorena ahorita', 'eastside'],
  ['migra en 1st and Boyle, like 5 agents', 'eastside'],
  ['ICE agents at Soto and 4th right now', 'eastside'],
  ['estan deteniendo a un señor en la whittier y soto!!!', 'eastside'],
  ['en la esquina de la primera y la soto hay unos de la migra', 'eastside'],
  ['vi a la migra por el Walmart de la Cesar Chavez', 'eastside'],
  ['la migra esta en el food 4 less de la soto', 'eastside'],
  ['agentes afuera del mercadito', 'eastside'],
  ['ICE near Mariachi Plaza!!', 'eastside'],
  ['carros sin placas en hollenbek park', 'eastside'],
  ['hay 2 patrullas de ICE en la evergrin y wabash', 'eastside'],
  ['en la cuarta y chicago st estan parados 3 carros', 'eastside'],
  ['Roosevelt high school, agents by the gate', 'eastside'],
  ['Michigan y Breed, dos camionetas negras', 'eastside'],
  ['cesar chaves con sotto', 'eastside'],
  ['a la vuelta del superior grocers en la cesar chavez', 'eastside'],
  ['ICE @ 8th St and Mott', 'eastside'],
  ['Olympic y Indiana, 4 agentes con chalecos', 'eastside'],
  ['en la marengo y boyle', 'eastside'],
  ['la tercera y la euclid, estan tocando puertas', 'eastside'],
  ['enfrente del white memorial hay una van de ICE', 'eastside'],
  ['en boyle heights por la soto', 'eastside'],
  ['la pecan y la 4', 'eastside'],
  ['Cummings St & E 6th St', 'eastside'],
  ['st louis y la segunda', 'eastside'],
  ['chicago and 1st, they took someone', 'eastside'],
  ['en la lorena y 8th', 'eastside'],
  ['cerca de la tiendita de don pepe', 'eastside'],
  ['Whittier y Lorena', 'eastside'],
  ['migra en la breed y primera', 'eastside'],
  ['ICE at Indiana & Cesar Chavez', 'eastside'],
  ['el mcdonalds de la soto, 2 carros', 'eastside'],
  ['trocas de la migra en la soto y cesar chavez, boyle heights', 'eastside'],
  ['ICE raid at the home depot on olympic', 'eastside'],
  ['esquina soto y olympic', 'eastside'],
  ['afuera de la iglesia dolores mission', 'eastside'],
  ['hay migra en la wabash', 'eastside'],
  ['mott y whitier bl', 'eastside'],
  ['90033, en la escuela', 'eastside'],
  ['la brid y la cesar chaves', 'eastside'],
  // East LA
  ['Salazar park hay muchos agentes', 'eastla'],
  ['whittier blvd en east la', 'eastla'],
  ['1st St in East LA, near the end', 'eastla'],
  // Downtown
  ['ICE en el Grand Central Market', 'downtown'],
  ['agentes en Union Station', 'downtown'],
  ['broadway y 3rd', 'downtown'],
  ['Main St & 2nd St, DTLA', 'downtown'],
  ['1st y Main en el centro', 'downtown'],
  ['spring st and 4th', 'downtown'],
  ['los angeles st y 1st', 'downtown'],
  ['alameda and 1st street', 'downtown'],
  // Alhambra, San Gabriel
  ['Main y Garfield en Alhambra', 'sgv'],
  ['valley blvd and garfield ave', 'sgv'],
  ['el walmart de la valley', 'sgv'],
  ['1st y Valley', 'sgv'],
  ['en alhambra por la garfield', 'sgv'],
  // Huntington Park, Sureste
  ['la pasific y florens en hantinton park', 'southeast'],
  ['Pacific & Gage, 3 vans', 'southeast'],
  ['el super de la pacific', 'southeast'],
  ['walmart huntington park', 'southeast'],
  ['ICE en la Slauson y Santa Fe', 'southeast'],
  ['miles ave y randolph', 'southeast'],
  ['seville and florence', 'southeast'],
  ['la soto y la gage', 'southeast'],
  ['el mcdonalds de la florence', 'southeast'],
  ['90255, en la pacific', 'southeast'],
  // more as people write them: landmarks, Spanglish, noise around the place
  ['ayuda!! la migra se esta llevando gente en el estacionamiento del walmart de cesar chavez', 'eastside'],
  ['ICE is at the McDonalds on Soto, like 3 SUVs', 'eastside'],
  ['hay como 6 agentes en la calle cuarta y la st. louis', 'eastside'],
  ['Border patrol en whittier bl y la mott!!', 'eastside'],
  ['Federales en la esquina de Olympic y Soto, cerca del food 4 less', 'eastside'],
  ['ICE outside Roosevelt High', 'eastside'],
  ['Ahorita en la lorena y la primera estan deteniendo', 'eastside'],
  ['3 carros negros por la evergreen, cerca del tepeyac', 'eastside'],
  ['migra en el parque hollenbeck', 'eastside'],
  ['en la 1ra y indiana', 'eastside'],
  ['en el superior de la soto', 'eastside'],
  ['cerca de la escuela roosevelt en boyle heights', 'eastside'],
  ['por el white memorial hospital', 'eastside'],
  ['en huntington park en la pacific, afuera del ross', 'southeast'],
  ['unos de ICE en la seville', 'southeast'],
  ['alhambra, main st', 'sgv'],
  ['dtla, en la broadway', 'downtown'],
  ['east la en la whittier y atlantic', 'eastla'],
  ['migra en garfield y main', 'sgv'],
  ['they are at the grand central market downtown', 'downtown'],
  // nothing a responder could drive to
  ['estan aqui afuera de mi casa', null],
  ['la migra anda por mi calle', null],
  ['vi a ICE hace rato', null],
  ['hay retenes cerca', null],
  ['ICE in my neighborhood', null],
  ['estan en el parque', null],
  ['by the school, hurry', null],
  ['en la tienda de la esquina', null],
  ['cerca del mercado, 2 trocas blancas', null],
  ['los vi en la calle principal', null],
];
