/**
 * What verification does with what tipsters send: a submitted report becomes a card for the
 * verifier chats (or, over its sender's hourly limit, waits for a digest card; from a blocked
 * sender, is held), and an answer to /ask or news soon after submitting is passed on, tagged
 * with the report number. Pure: from the input and the read model to events.
 */
import type { SubmittedReport } from '../engine/types.js';
import { approximatePoint, distanceMeters, zonesFor } from '../geo/zones.js';
import type { GeoPoint, Platform } from '../messages.js';
import type { Lang } from '../parse/types.js';
import { forDisplay } from '../privacy/sanitize.js';
import type { NearbyReport, ReportView } from './model.js';
import type { Out } from './out.js';
import { optional } from './decide-command.js';
import { samePlace } from './same-place.js';
import type { DuplicateHint } from './texts.js';

interface Place {
  zones: string[];
  point?: GeoPoint;
  cross?: [string, string];
}

export function decideSubmitted(
  o: Out,
  report: SubmittedReport,
  tipster: { platform: Platform; key: string; address: string },
  mediaRefs: string[],
): void {
  const s = o.net.settings;
  const { location, description } = report.draft;
  // The place as given decides; failing that, a neighbourhood named anywhere in the first message.
  let zones = zonesFor(o.net.zones, location);
  if (zones.length === 0 && description) zones = zonesFor(o.net.zones, { text: description });
  const point = approximatePoint(o.net.zones, location) ?? (description ? approximatePoint(o.net.zones, { text: description }) : undefined);
  const n = report.number;
  o.push({
    type: 'report_stored',
    report,
    platform: tipster.platform,
    tipster: tipster.key,
    replyAddress: tipster.address,
    mediaRefs,
    zones,
    ...optional('point', point),
  });

  // Abuse checks: over the hourly limit, the report waits for a digest card; a blocked sender's
  // reports are kept from verifiers. The tipster's replies never change, so neither can tell.
  const over = o.model.senderReportsLastHour >= s.reportsPerHour;
  const blocked = o.model.senderBlocked;
  const place: Place = { zones, ...optional('point', point), ...optional('cross', location?.crossStreets) };
  const flood = floodSize(o, place);
  const flags = [...(blocked ? ['blocked'] : []), ...(flood > 0 ? ['coordinated_flood'] : [])];
  if (over || flags.length > 0) {
    o.push({
      type: 'report_patched',
      report: n,
      patch: { ...(over ? { priority: 'low' as const, digest: !blocked } : {}), flags: JSON.stringify(flags) },
    });
  }
  if (blocked) return o.push({ type: 'audit', actor: 'system', action: 'held_blocked_sender', report: n });
  if (over) return o.push({ type: 'audit', actor: 'system', action: 'digest_queued', report: n });

  const warnings = (lang: Lang) =>
    flood > 0 ? [o.t(lang, 'card.flood', { count: flood, minutes: Math.round(s.floodWindowMs / 60_000) })] : [];
  const duplicates = duplicatesOf(o, place, report.seenAt);
  const media = o.mediaForVerifiers(o.model.files);
  o.toVerifiers(
    'card.title',
    (lang) =>
      o.env.texts.card(report, lang, { duplicates, now: o.now, mediaNotes: warnings(lang), ...optional('zone', o.zoneName(zones, lang)) }),
    { dedupe: `card:${n}`, media },
  );
}

/** The tipster answered an /ask (the relay closes with it) or sent news about a report just sent. */
export function decideTipsterWrote(o: Out, kind: 'answer' | 'followup', text: string, media: string[]): void {
  const report = o.model.report;
  if (!report) return;
  const n = report.number;
  if (media.length > 0) o.push({ type: 'media_attached', report: n, refs: media });
  if (kind === 'answer') o.push({ type: 'report_patched', report: n, patch: { relayOpen: false, relayUntil: null } });
  if (kind === 'followup') {
    const limit = o.net.settings.followupsPerHour;
    const seen = o.model.followupsLastHour;
    o.push({ type: 'audit', actor: 'system', action: seen < limit ? 'followup' : 'followup_held', report: n });
    if (seen >= limit) {
      // Once per hour: the verifiers learn more came; the rest stays with the report (files) or is dropped (words).
      if (seen === limit) o.toVerifiers('verify.followups_held', (lang) => o.t(lang, 'verify.followups_held', { number: n, count: limit }));
      return;
    }
  }
  const key = kind === 'answer' ? 'verify.relay_reply' : 'verify.followup';
  const files = o.mediaForVerifiers(o.model.files);
  o.toVerifiers(
    key,
    (lang) =>
      [
        text ? o.t(lang, key, { number: n, text: forDisplay(text) }) : '',
        media.length ? o.t(lang, 'verify.relay_media', { number: n, count: media.length }) : '',
      ]
        .filter(Boolean)
        .join('\n'),
    { media: files },
  );
}

/** Reports over their senders' limits, once the oldest has waited `digestMs`: one card for all. */
export function decideDigest(o: Out): void {
  const queued = o.model.reports;
  const oldest = queued[0];
  if (!oldest || oldest.createdAt > o.now - o.net.settings.digestMs) return;
  const numbers = queued.map((r) => r.number);
  for (const n of numbers) o.push({ type: 'report_patched', report: n, patch: { digest: false } });
  o.push({ type: 'audit', actor: 'system', action: 'digest', detail: numbers.join(',') });
  const lines = (lang: Lang) =>
    queued.map((r: ReportView) => ({
      number: r.number,
      urgent: r.urgent,
      seenAt: r.seenAt,
      ...optional('zone', o.zoneName(r.zones, lang)),
      ...optional('activity', r.draft.activity?.kind),
    }));
  o.toVerifiers('card.digest_title', (lang) => o.env.texts.digest(lines(lang), lang), { dedupe: `digest:${numbers[0]}:${numbers.at(-1)}` });
}

/**
 * "Possible coordinated flood": counting this one, how many reports about the same place came
 * from tipsters with no earlier history within the flood window (0 when under the threshold).
 */
function floodSize(o: Out, place: Place): number {
  const since = o.now - o.net.settings.floodWindowMs;
  const established = (r: NearbyReport) => r.firstReportAt !== undefined && r.firstReportAt < since;
  const fresh = o.model.nearby.filter(
    (r) => r.createdAt >= since && !established(r) && samePlace(place, r, o.net.settings.duplicateDistanceMeters),
  );
  const senders = new Set(fresh.map((r) => r.tipster ?? `#${r.number}`));
  const count = senders.size + 1;
  return count >= o.net.settings.floodReports ? count : 0;
}

/** Recent reports that may be the same sighting: same zone and near (when both have a point), or the same corner. */
function duplicatesOf(o: Out, place: Place, seenAt: number): DuplicateHint[] {
  const since = o.now - o.net.settings.duplicateWindowMs;
  const hints: DuplicateHint[] = [];
  for (const other of o.model.nearby) {
    if (other.createdAt < since || other.status === 'rejected' || !samePlace(place, other, o.net.settings.duplicateDistanceMeters))
      continue;
    const meters = place.point && other.point ? Math.round(distanceMeters(place.point, other.point)) : undefined;
    const minutes = Math.round(Math.abs(seenAt - other.seenAt) / 60_000);
    hints.push(meters !== undefined ? { number: other.number, meters, minutes } : { number: other.number, minutes });
  }
  return hints.slice(0, 3);
}
