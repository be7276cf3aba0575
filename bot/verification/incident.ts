/**
 * An incident: a report and the reports merged into it, seen as one sighting. Its facts are the
 * most urgent state, the latest sighting time and the union of the parsed fields of all of them;
 * its corroboration counts distinct tipsters (pseudonyms), never reports. Only parsed, structured
 * values are kept here: alerts are built from these facts and nothing the tipster typed freely.
 */
import type { GeoPoint } from '../messages.js';
import type { ActivityKind } from '../parse/types.js';
import type { IncidentMember } from './model.js';

/** Activity kinds from most to least urgent. */
const URGENCY: readonly Exclude<ActivityKind, 'other'>[] = ['arrest', 'raid', 'door_knocking', 'checkpoint', 'surveillance', 'patrol'];

export interface IncidentFacts {
  number: number;
  urgent: boolean;
  /** The latest sighting time; `timeKnown` is false when no report gave one (then it is a start time). */
  seenAt: number;
  timeKnown: boolean;
  /** What was seen, most urgent first. */
  kinds: Exclude<ActivityKind, 'other'>[];
  zones: string[];
  point?: GeoPoint;
  cross?: [string, string];
  /** Where the offline map placed a report's words, as the map names it (never the tipster's own words). */
  place?: string;
  zip?: string;
  agents?: number;
  vehicles?: number;
  markings: string[];
  plates: string[];
  weapons: boolean;
  reports: number;
  /** Distinct tipsters; a report whose tipster asked to be forgotten counts as one more. */
  tipsters: number;
}

/**
 * The facts of an incident from its members, head first.
 * @example incidentFacts([calm, urgent]).urgent // true: the most urgent state wins
 */
export function incidentFacts(members: readonly IncidentMember[]): IncidentFacts {
  const head = members[0];
  if (!head) throw new Error('an incident has at least one report');
  const timed = members.filter((m) => m.draft.time?.at !== undefined);
  const seenAt = Math.max(...(timed.length > 0 ? timed : members).map((m) => m.seenAt));
  const kinds = new Set<ActivityKind>(members.flatMap((m) => (m.draft.activity?.kind ? [m.draft.activity.kind] : [])));
  // A pin only when a tipster shared one (rounded at intake); a zone's approximate centre is no place to drive to.
  const placed = members.find((m) => m.draft.location?.crossStreets ?? m.draft.location?.point);
  const location = placed?.draft.location;
  const point = location?.point;
  const cross = location?.crossStreets;
  const mapped = cross ? undefined : members.find((m) => m.draft.location?.place)?.draft.location?.place;
  const zip = members.map((m) => m.draft.location?.zip).find((z) => z !== undefined);
  const agents = max(members.map((m) => m.draft.size?.agents));
  const vehicles = max(members.map((m) => m.draft.size?.vehicles));
  const keys = new Set(members.map((m) => m.tipster ?? `#${m.number}`));
  return {
    number: head.number,
    urgent: members.some((m) => m.urgent),
    seenAt,
    timeKnown: timed.length > 0,
    kinds: URGENCY.filter((k) => kinds.has(k)),
    zones: [...new Set(members.flatMap((m) => m.zones))],
    markings: union(members.map((m) => m.draft.uniform?.markings)),
    plates: union(members.map((m) => m.draft.equipment?.plates)),
    weapons: members.some((m) => m.draft.equipment?.weapons === true),
    reports: members.length,
    tipsters: keys.size,
    ...(point ? { point } : {}),
    ...(cross ? { cross } : {}),
    ...(mapped ? { place: mapped.label } : {}),
    ...(zip ? { zip } : {}),
    ...(agents !== undefined ? { agents } : {}),
    ...(vehicles !== undefined ? { vehicles } : {}),
  };
}

function max(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
}

function union(lists: (string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}
