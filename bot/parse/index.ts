/**
 * Pure text parsers for tipsters' words in any of the ten languages (see vocab/). No I/O, no state: every
 * function takes text (and, for times, the current instant and time zone) and returns what it
 * could read from it.
 */
export * from './types.js';
export { normalize, fold } from './normalize.js';
export { detectLanguage } from './language.js';
export { keywordLanguage, parseKeyword } from './keywords.js';
export { isNothingMore, parseYesNo } from './yes-no.js';
export { parseSize } from './size.js';
export { parseTime, timeBucket } from './time.js';
export { parseMapLink } from './map-link.js';
export { parseLocation } from './location.js';
export { findZip } from './streets.js';
export { locationProblem, type LocationProblem } from './place.js';
export { classifyMessage } from './intent.js';
export { scrubContacts } from './contacts.js';
export { VOCABULARIES, type Vocabulary } from './vocab/index.js';
export { parseActivity, parseUniform, parseEquipment } from './fields.js';
export { extractTip } from './extract.js';
export { correctionAnswer } from './corrections.js';
