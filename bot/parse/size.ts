import { findCounts } from './counts.js';
import { clean, fold } from './normalize.js';
import type { SizeField } from './types.js';

/**
 * Counts of agents and vehicles, from digits or number words in English or Spanish
 * ("4 agents 2 cars", "cuatro agentes y dos camionetas", "3 SUVs", "unos 6 oficiales",
 * "a couple"/"un par" = 2). A bare number with no unit ("like 5") counts as agents.
 * Vague answers ("several", "varios agentes") give a field with no counts.
 * Undefined when the text says nothing about numbers. `text` is the trimmed input.
 */
export function parseSize(text: string): SizeField | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const counts = findCounts(fold(clean(trimmed)), { allowBare: true });
  if (counts.agents === undefined && counts.vehicles === undefined && !counts.vague) return undefined;
  const field: SizeField = { text: trimmed };
  if (counts.agents !== undefined) field.agents = counts.agents;
  if (counts.vehicles !== undefined) field.vehicles = counts.vehicles;
  return field;
}
