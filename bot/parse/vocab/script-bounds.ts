/**
 * Word boundaries for the patterns of a language written in a script other than Latin. The
 * shared boundaries (`bounded` in index.ts) only look at ASCII letters, so an Arabic or Korean
 * pattern would match inside a longer word ("حد" inside "واحد", "هلا" inside "اهلا", "막" inside
 * "마지막"). `withScriptBounds` wraps every pattern of a vocabulary in lookarounds on that script's
 * letters. Chinese has no spaces between words and does not use it.
 */
import type { Vocabulary } from './vocabulary.js';

/** Lookarounds that keep a pattern from starting (and, when given, ending) inside a word. */
export interface ScriptBounds {
  start: string;
  end: string;
}

function wrapAll(list: readonly string[], b: ScriptBounds): string[] {
  return list.map((p) => `${b.start}(?:${p})${b.end}`);
}

function wrapRecord<K extends string>(rec: Partial<Record<K, string[]>>, b: ScriptBounds): Partial<Record<K, string[]>> {
  const out: Partial<Record<K, string[]>> = {};
  for (const [k, list] of Object.entries(rec) as Array<[K, string[] | undefined]>) if (list) out[k] = wrapAll(list, b);
  return out;
}

/** A copy of `v` whose regex sources start (and end) only at that script's word boundaries. */
export function withScriptBounds(v: Vocabulary, b: ScriptBounds): Vocabulary {
  const w = (list: readonly string[]): string[] => wrapAll(list, b);
  const one = (p: string): string => `${b.start}(?:${p})${b.end}`;
  return {
    ...v,
    yesNo: { ...v.yesNo, dontKnowPatterns: w(v.yesNo.dontKnowPatterns) },
    detention: {
      ...v.detention,
      takingPatterns: w(v.detention.takingPatterns),
      notTakingPatterns: w(v.detention.notTakingPatterns),
      unsurePatterns: w(v.detention.unsurePatterns),
    },
    time: {
      ...v.time,
      nowPatterns: w(v.time.nowPatterns),
      earlierPatterns: w(v.time.earlierPatterns),
      stale: v.time.stale.map((s) => ({ ...s, pattern: one(s.pattern) })),
      todayPatterns: w(v.time.todayPatterns),
      weekdays: w(v.time.weekdays),
      weekdayLeadPatterns: w(v.time.weekdayLeadPatterns),
      fixedAgo: v.time.fixedAgo.map(([p, n]): [string, number] => [one(p), n]),
      agoBefore: w(v.time.agoBefore),
      agoAfter: w(v.time.agoAfter),
      clock: {
        leads: w(v.time.clock.leads),
        hourMarks: w(v.time.clock.hourMarks),
        half: w(v.time.clock.half),
        am: w(v.time.clock.am),
        pm: w(v.time.clock.pm),
        night: w(v.time.clock.night),
      },
    },
    correctionPatterns: w(v.correctionPatterns),
    correctionOpeners: { ...v.correctionOpeners, patterns: w(v.correctionOpeners.patterns) },
    fields: {
      ...v.fields,
      activity: wrapRecord(v.fields.activity, b) as Vocabulary['fields']['activity'],
      selfWatchingPatterns: w(v.fields.selfWatchingPatterns),
      markings: wrapRecord(v.fields.markings, b),
      weaponPatterns: w(v.fields.weaponPatterns),
      unarmedPatterns: w(v.fields.unarmedPatterns),
      vehicleDescriptionPatterns: w(v.fields.vehicleDescriptionPatterns),
      plateWordPatterns: w(v.fields.plateWordPatterns),
      firsthand: { openers: w(v.fields.firsthand.openers), patterns: w(v.fields.firsthand.patterns) },
    },
    pieces: { ...v.pieces, countLeadPatterns: w(v.pieces.countLeadPatterns) },
    places: {
      ...v.places,
      nonLocationPatterns: w(v.places.nonLocationPatterns),
      brands: w(v.places.brands),
      selfPatterns: w(v.places.selfPatterns),
    },
    messages: {
      ...v.messages,
      rightsPatterns: w(v.messages.rightsPatterns),
      thanksPatterns: w(v.messages.thanksPatterns),
      testPatterns: w(v.messages.testPatterns),
      greetingPatterns: w(v.messages.greetingPatterns),
      questionPatterns: w(v.messages.questionPatterns),
      ownDoorPatterns: w(v.messages.ownDoorPatterns),
      presencePatterns: w(v.messages.presencePatterns),
    },
  };
}
