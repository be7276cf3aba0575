/**
 * Cross-field rules of the roster and dispatch settings: a field verifier's zones exist, their
 * platforms are enabled, no platform id is enrolled twice as a field verifier, and every name in
 * `dispatch.onCall` is someone enrolled (a verifier or a field verifier).
 */
import type { Platform } from '../messages.js';
import { asArray, asString, isRecord } from './loose-values.js';

type Path = readonly PropertyKey[];

export interface DispatchCheckContext {
  zoneIds: ReadonlySet<string>;
  checkPlatform: (path: Path, platform: Platform | undefined) => void;
  asPlatform: (v: unknown) => Platform | undefined;
  add: (path: Path, message: string) => void;
}

export function dispatchProblems(raw: Record<string, unknown>, c: DispatchCheckContext): void {
  const names = new Set<string>();
  for (const v of asArray(raw.verifiers) ?? []) if (isRecord(v) && asString(v.name)) names.add(String(v.name).toLowerCase());
  const seen = new Map<string, number>();
  asArray(raw.fieldVerifiers)?.forEach((person, i) => {
    if (!isRecord(person)) return;
    if (asString(person.name)) names.add(String(person.name).toLowerCase());
    asArray(person.ids)?.forEach((entry, j) => {
      if (!isRecord(entry)) return;
      const path = ['fieldVerifiers', i, 'ids', j] as const;
      const platform = c.asPlatform(entry.platform);
      c.checkPlatform([...path, 'platform'], platform);
      const id = asString(entry.id) ?? (typeof entry.id === 'number' ? String(entry.id) : undefined);
      if (platform === undefined || id === undefined) return;
      const key = `${platform}\u0000${id}`;
      const first = seen.get(key);
      if (first !== undefined && first !== i) {
        c.add([...path, 'id'], `duplicate field verifier ${JSON.stringify(id)} on ${platform} (also fieldVerifiers[${first}])`);
      } else seen.set(key, i);
    });
    asArray(person.zones)?.forEach((zone, j) => {
      const id = asString(zone);
      if (id === undefined || c.zoneIds.has(id)) return;
      const known = c.zoneIds.size > 0 ? `known: ${[...c.zoneIds].join(', ')}` : 'no zones are defined';
      c.add(['fieldVerifiers', i, 'zones', j], `unknown zone ${JSON.stringify(id)} (${known})`);
    });
  });
  const dispatch = isRecord(raw.dispatch) ? raw.dispatch : undefined;
  asArray(dispatch?.onCall)?.forEach((name, i) => {
    const n = asString(name);
    if (n !== undefined && !names.has(n.toLowerCase())) {
      c.add(['dispatch', 'onCall', i], `unknown person ${JSON.stringify(n)} (expected the name of a verifier or field verifier)`);
    }
  });
}
