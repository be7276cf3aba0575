import { normalize } from './normalize.js';
import type { Lang } from './types.js';

/**
 * Word lists for a simple vote. Weight 2: words that (nearly) only occur in that language;
 * weight 1: common words that are still telling. Words shared by both languages or by tips in
 * either language ("ice", "suv", "no", "a", "ok", "van", "me") are left out on purpose.
 */
const ES: Record<string, number> = {};
const EN: Record<string, number> = {};

function add(table: Record<string, number>, weight: number, list: string): void {
  for (const w of list.split(/\s+/)) if (w) table[w] = weight;
}

add(
  ES,
  2,
  `hola buenas buenos buen dia dias tardes noches gracias saludos porfa favor hay esta estan estaba
   estaban estoy estamos ahora ahorita orita aorita aqui alli ahi alla aca agentes oficiales hombres personas
   policias camioneta camionetas carro carros coche coches vehiculo vehiculos patrulla patrullas troca trocas
   esquina calle avenida migra migras chaleco chalecos mascaras uniformados se llevaron llevan detenido
   detenidos arrestando agarraron redada operativo reten vigilando siguiendo rondando patrullando
   tocando puerta puertas vi veo viendo tambien pero donde cuando cuantos cuantas dos tres cuatro cinco seis
   siete ocho nueve diez unos unas negra negras negro negros blanca blancas blanco blancos gris plata
   frente cerca enfrente afuera adentro casa escuela tienda trabajo hace minutos hora horas media rato
   manana tarde noche ayer anoche que para muy mas son eran tienen traen andan ellos ellas alguien nadie
   gente estacionados armas armados placa placas ropa civil necesito ayuda quiero reportar vecino vecina
   iglesia parque parada mi tu su sus nuestro si claro tambien lo vimos`
);
add(ES, 1, `el la los las en y de del con por un una al`);

add(
  EN,
  2,
  `hi hello hey thanks thank please there right now the they them their are were was is isn't aren't
   and with near front corner street avenue agents officers cops guys people cars trucks vehicle vehicles
   men someone somebody arresting arrested detained taking grabbed raid knocking doors door parked watching
   following driving around patrolling checkpoint saw see seen seeing watching just ago minutes minute hour
   hours half what where when how many some two three four five six seven eight nine ten black white gray
   grey silver blue red wearing vests masks plain clothes uniforms plate plates guns armed outside inside
   across behind next store school church park parking lot home house work this that these those have has
   had going yes yeah yep nope want need report help neighbor it's i'm i've he she we you my our your his her
   an of at on in to by it i`
);

// Short function words count less: they are short enough to appear in the other language's slang.
for (const w of ['an', 'of', 'at', 'on', 'in', 'to', 'by', 'it', 'i']) EN[w] = 1;

const SPANISH_MARKS = /[ñáéíóú¿¡]/i;
const WORD = /[a-z]+(?:'[a-z]+)?/g;

/**
 * 'es' or 'en' when the text is clearly in that language, else undefined. A greeting alone
 * counts ("hola", "hi"); words shared by both languages or by tips in either ("ICE", "SUV",
 * "ok", street names, numbers) do not. Accents and ¿¡ count for Spanish.
 */
export function detectLanguage(text: string): Lang | undefined {
  if (!text) return undefined;
  const sample = text.length > 2000 ? text.slice(0, 2000) : text;
  let es = SPANISH_MARKS.test(sample) ? 2 : 0;
  let en = 0;
  const words = normalize(sample).match(WORD) ?? [];
  for (const w of words) {
    es += ES[w] ?? 0;
    en += EN[w] ?? 0;
  }
  if (es > en) return 'es';
  if (en > es) return 'en';
  return undefined;
}
