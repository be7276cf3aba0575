/**
 * Whether a message says someone is being detained: "se llevaron a un señor", "lo tienen
 * esposado", "they just shoved a guy into the back of the SUV", "están subiendo gente a la van"
 * (true); "solo están parados", "just parked", "nobody arrested" (false); and nothing either
 * way for "4 agentes en 1st y Soto" (undefined), so the engine still asks.
 */
import type { TimeBucket } from './types.js';
import { phraseRegex } from './vocab/index.js';

const TAKING = phraseRegex((v) => v.detention.takingPatterns);
const NOT_TAKING = phraseRegex((v) => v.detention.notTakingPatterns, 'g');
/** "no sé si se llevaron a alguien": a doubt settles nothing, so its words are left out. */
const UNSURE = phraseRegex((v) => v.detention.unsurePatterns, 'g');

const blank = (m: string): string => ' '.repeat(m.length);

/**
 * true when folded text says someone is being (or was just) detained or taken; false when it
 * says nobody is being taken, or the detention is old (`bucket` 'old': last night, yesterday);
 * undefined when it does not settle it, or the detention was earlier today (an hour ago).
 */
export function detentionNow(folded: string, bucket?: TimeBucket): boolean | undefined {
  let notTaking = false;
  const rest = folded.replace(UNSURE, blank).replace(NOT_TAKING, (m) => {
    notTaking = true;
    return blank(m);
  });
  if (TAKING.test(rest)) {
    if (bucket === 'old') return false;
    return bucket === 'earlier' ? undefined : true;
  }
  return notTaking ? false : undefined;
}
