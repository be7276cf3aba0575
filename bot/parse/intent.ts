/**
 * What a message is for, before any intake starts: a report, a know-your-rights question, a
 * question about a rumour or a detained person, thanks, a test, a greeting, or something else.
 * A report starts only when something is reported.
 */
import { extractTip } from './extract.js';
import { AGENT_WORDS } from './counts.js';
import { clean, fold, tokenize } from './normalize.js';
import type { ExtractedTip, MessageIntent } from './types.js';
import { phraseRegex, wordSet } from './vocab/index.js';

const RIGHTS = phraseRegex((v) => v.messages.rightsPatterns);
const QUESTION = phraseRegex((v) => v.messages.questionPatterns);
const PRESENCE = phraseRegex((v) => v.messages.presencePatterns);
const WHOLE: Array<[MessageIntent, RegExp]> = [
  ['thanks', phraseRegex((v) => v.messages.thanksPatterns, 'g')],
  ['test', phraseRegex((v) => v.messages.testPatterns, 'g')],
  ['greeting', phraseRegex((v) => v.messages.greetingPatterns, 'g')],
];
const FILLERS = wordSet((v) => v.places.fillers);
const AGENCIES = wordSet((v) => v.agents.agencies);
/** "thanks guys", "gracias a todos": people, not agents. */
const GENERIC_PEOPLE = wordSet((v) => v.agents.genericPeople);
const THANKS_EMOJI = /[\u{1F64F}\u2764\u{1F499}\u{1F49A}\u{1F49B}\u{1F49C}\u{1F90D}\u{1F5A4}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
/** Any instant will do: only whether a field is found matters here. */
const ANY_TIME = { now: Date.UTC(2025, 0, 1, 20), timezone: 'UTC' };

/** Whether the message reports something: an activity, a count, a place, a detention, or agents named. */
function reportsSomething(text: string, folded: string, read: ExtractedTip | undefined): boolean {
  const tip = read ?? extractTip(text, ANY_TIME);
  if (tip.activity || tip.size || tip.location || tip.urgent !== undefined || tip.equipment?.plates.length) return true;
  if ((tip.uniform && tip.uniform.markings.length > 0) || PRESENCE.test(folded)) return true;
  for (const t of tokenize(folded)) if (AGENCIES.has(t.t) || (AGENT_WORDS.has(t.t) && !GENERIC_PEOPLE.has(t.t))) return true;
  return false;
}

/** The one kind of short message the whole text is ("muchas gracias 🙏", "probando 123", "hola buenas"), if any: at most two other words. */
function wholeMessageKind(folded: string): MessageIntent | undefined {
  for (const [intent, re] of WHOLE) {
    if (!re.test(folded)) continue;
    re.lastIndex = 0;
    const rest = tokenize(folded.replace(re, ' ')).filter((t) => LETTER.test(t.t) && !FILLERS.has(t.t));
    if (rest.length <= 2) return intent; // "gracias por la info"
  }
  return undefined;
}

/**
 * What a message is: 'rights_question' ("can they come in without a warrant?", "¿qué hago si
 * tocan?", "están afuera de mi casa, ¿les abro?"), 'question' (a rumour to check, finding a
 * detained person, anything else asked), 'report' (something is reported: agents, an activity,
 * a count, a place, a detention), 'thanks', 'test' ("prueba", "testing 123"), 'greeting'
 * ("hola", "hi, I want to report something"), or 'other' ("ok", "👍", "lol"). `read` is what
 * `extractTip` already gave for this text, when the caller has it (it is not read twice).
 */
export function classifyMessage(text: string, read?: ExtractedTip): MessageIntent {
  const src = clean(text).trim().slice(0, 4000);
  if (!LETTER_OR_DIGIT.test(src)) return THANKS_EMOJI.test(src) ? 'thanks' : 'other';
  const folded = fold(src);
  if (RIGHTS.test(folded)) return 'rights_question';
  if (QUESTION.test(folded)) return 'question';
  if (reportsSomething(src, folded, read)) return 'report';
  return wholeMessageKind(folded) ?? (folded.includes('?') ? 'question' : 'other');
}
