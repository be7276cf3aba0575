/** What every dashboard view needs: the language, texts, the CSRF token, zone names and the clock. */
import { DateTime } from 'luxon';
import type { Param } from '../../../bot/engine/types.js';
import type { Lang } from '../../../bot/parse/types.js';

export interface View {
  lang: Lang;
  network: string;
  t: (key: string, params?: Record<string, Param>) => string;
  /** The session's CSRF token ('' when signed out). */
  csrf: string;
  now: number;
  timezone: string;
  zoneName: (id: string) => string;
  /** How a verifier's stable id is shown: their name from the config, or the id. */
  person: (id: string) => string;
}

/** "12 min", "3 h 5 min", "2 d": how long ago, short enough for a phone's column. */
export function since(v: View, at: number): string {
  const min = Math.max(0, Math.round((v.now - at) / 60_000));
  if (min < 60) return v.t('dashboard.ago.minutes', { count: min });
  const h = Math.floor(min / 60);
  if (h < 48) return v.t('dashboard.ago.hours', { hours: h, minutes: min % 60 });
  return v.t('dashboard.ago.days', { count: Math.floor(h / 24) });
}

/** A duration for the numbers page ("40 s", "4.5 min", "35 min"). */
export function minutes(ms: number | undefined): string {
  if (ms === undefined) return '–';
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const m = ms / 60_000;
  return m < 10 ? `${m.toFixed(1)} min` : `${Math.round(m)} min`;
}

/** A local clock time in the network's zone ("Sat 21 Nov, 09:14"). */
export function clock(v: View, at: number): string {
  return DateTime.fromMillis(at, { zone: v.timezone }).setLocale(v.lang).toFormat('ccc d LLL, HH:mm');
}
