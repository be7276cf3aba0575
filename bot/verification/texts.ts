/**
 * The texts verification sends: report cards and digests for verifiers, alerts and their
 * follow-ups for responder groups, delivery reports, and the /status list. Alerts are built
 * from an incident's parsed facts and the verifier's note only: never who reported, never a
 * word the tipster typed freely. Every word a tipster wrote that verifiers see goes through
 * `forDisplay` (one line, no marker lookalikes, no live links).
 */
import type { Draft } from '../engine/types.js';
import type { Flow } from '../flows/flow.js';
import { oneLine, type Renderer } from '../i18n/render.js';
import type { GeoPoint } from '../messages.js';
import type { Lang } from '../parse/types.js';
import { scrubContacts } from '../parse/index.js';
import { forDisplay } from '../privacy/sanitize.js';
import type { IncidentFacts } from './incident.js';

export interface CardInput {
  number: number;
  status: string;
  urgent: boolean;
  seenAt: number;
  draft: Draft;
  lang: Lang;
}

export interface DuplicateHint {
  number: number;
  meters?: number;
  minutes: number;
}

export class VerificationTexts {
  constructor(
    private readonly r: Renderer,
    private readonly flow: Flow,
  ) {}

  /** One locale text (replies, notices). */
  t(lang: Lang, key: string, params?: Parameters<Renderer['t']>[2]): string {
    return this.r.t(lang, key, params);
  }

  card(report: CardInput, lang: Lang, opts: { zone?: string; duplicates: DuplicateHint[]; now: number; mediaNotes?: string[] }): string {
    const { r } = this;
    const n = report.number;
    const ago = Math.max(0, Math.round((opts.now - report.seenAt) / 60_000));
    const lines = [
      r.t(lang, report.urgent ? 'card.title_urgent' : 'card.title', { number: n }),
      report.status === 'incomplete' ? r.t(lang, 'card.incomplete') : '',
      r.t(lang, 'card.status', { status: r.t(lang, `status.${report.status}`) }),
      opts.zone ? r.t(lang, 'card.zone', { zone: opts.zone }) : r.t(lang, 'card.zone_unknown'),
      this.placeLine(report, lang, opts.zone),
      // A sighting whose time nobody gave has no time to print ("0 min ago" would be made up).
      report.draft.time?.at === undefined
        ? r.t(lang, 'card.seen_unknown')
        : r.t(lang, 'card.seen', { time: { time: report.seenAt }, minutes: ago }),
      ...this.flow.steps.map(
        (s) =>
          `${r.t(lang, s.label)}: ${r.field(lang, report.draft, s.id, { quote: forDisplay, placeApart: true })}${this.parsed(report, lang, s.id)}`,
      ),
      report.draft.description ? r.t(lang, 'card.description', { text: forDisplay(report.draft.description) }) : '',
      r.t(lang, 'card.language', { lang: r.t(lang, `language.name.${report.lang}`) }),
      ...opts.duplicates.map((d) =>
        d.meters === undefined
          ? r.t(lang, 'card.duplicate_zone', { number: d.number, minutes: d.minutes })
          : r.t(lang, 'card.duplicate', { number: d.number, meters: d.meters, minutes: d.minutes }),
      ),
      ...(opts.mediaNotes ?? []),
      r.t(lang, 'card.commands', { number: n }),
    ];
    return lines.filter(Boolean).join('\n');
  }

  /** Where the offline map placed the tipster's words: "≈ Cesar Chavez Ave & Lorena St, ±40 m, Lado Este". */
  private placeLine(report: CardInput, lang: Lang, zone: string | undefined): string {
    const place = report.draft.location?.place;
    if (!place) return '';
    const label = place.area && !place.label.includes(place.area) ? `${place.label} (${place.area})` : place.label;
    const params = { place: label, meters: place.radiusMeters };
    return zone ? this.r.t(lang, 'card.place', { ...params, zone }) : this.r.t(lang, 'card.place_no_zone', params);
  }

  /**
   * What the parsers read from a field written in another language than the card's, in the
   * card's language (" (6 agentes, 2 vehículos)" beside "6 ajan ak 2 machin"), so verifiers
   * can act on a tip they cannot read. Empty when the languages match or nothing was parsed.
   */
  private parsed(report: CardInput, lang: Lang, id: string): string {
    if (report.lang === lang) return '';
    const { r } = this;
    const d = report.draft;
    let parts: string[] = [];
    if (id === 'size' && d.size) {
      if (d.size.agents !== undefined) parts.push(r.t(lang, 'alert.agents', { count: d.size.agents }));
      if (d.size.vehicles !== undefined) parts.push(r.t(lang, 'alert.vehicles', { count: d.size.vehicles }));
    } else if (id === 'activity' && d.activity?.text && d.activity.kind) {
      parts = [r.t(lang, `activity.kind.${d.activity.kind}`)];
    } else if (id === 'uniform' && d.uniform?.text) {
      parts = d.uniform.markings.map((m) => r.t(lang, `marking.${m}`));
    }
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
  }

  /**
   * An alert for one responder group, built from the incident's structured facts only: what
   * (parsed kinds), where (zone, cross streets, pin at the group's precision), when, counts,
   * uniforms, plates, corroboration and the verifier's note. Never the tipster's own words,
   * and never a phone number or e-mail address.
   */
  alert(facts: IncidentFacts, lang: Lang, opts: { precision: 'exact' | 'zone'; zone?: string; note?: string }): string {
    const { r } = this;
    const title = r.t(lang, facts.urgent ? 'alert.title_urgent' : 'alert.title', { number: facts.number });
    return [title, ...this.factLines(facts, lang, opts)].filter(Boolean).join('\n');
  }

  /** A new report joined a confirmed incident: the groups get its facts as they now stand. */
  incidentUpdate(facts: IncidentFacts, lang: Lang, opts: { precision: 'exact' | 'zone'; zone?: string; note?: string }): string {
    const title = this.r.t(lang, facts.urgent ? 'alert.joined_urgent' : 'alert.joined', { number: facts.number });
    return [title, ...this.factLines(facts, lang, opts)].filter(Boolean).join('\n');
  }

  private factLines(f: IncidentFacts, lang: Lang, opts: { precision: 'exact' | 'zone'; zone?: string; note?: string }): string[] {
    const { r } = this;
    const when = f.timeKnown ? r.time(f.seenAt, lang) : r.t(lang, 'alert.time_unknown');
    const size = [
      f.agents !== undefined ? r.t(lang, 'alert.agents', { count: f.agents }) : '',
      f.vehicles !== undefined ? r.t(lang, 'alert.vehicles', { count: f.vehicles }) : '',
    ].filter(Boolean);
    const gear = [
      f.plates.length > 0 ? r.t(lang, 'alert.plates', { plates: f.plates.join(', ') }) : '',
      f.weapons ? r.t(lang, 'alert.weapons') : '',
    ].filter(Boolean);
    const note = opts.note ? scrubContacts(oneLine(opts.note)).trim() : '';
    return [
      f.kinds.length > 0 ? r.t(lang, 'alert.what', { text: f.kinds.map((k) => r.t(lang, `activity.kind.${k}`)).join(', ') }) : '',
      r.t(lang, 'alert.where', { text: this.where(lang, f, opts) }),
      r.t(lang, f.reports > 1 ? 'alert.when_latest' : 'alert.when', { text: when }),
      size.length > 0 ? r.t(lang, 'alert.size', { text: size.join(', ') }) : '',
      f.markings.length > 0 ? r.t(lang, 'alert.uniform', { text: f.markings.map((m) => r.t(lang, `marking.${m}`)).join(', ') }) : '',
      gear.length > 0 ? r.t(lang, 'alert.equipment', { text: gear.join(', ') }) : '',
      note ? r.t(lang, 'alert.note', { text: note }) : '',
      f.reports > 1 ? r.t(lang, 'alert.merged', { count: f.reports }) : '',
      r.t(lang, 'alert.tipsters', { count: f.tipsters }),
    ];
  }

  /**
   * Where, as alerts and field pings say it: at 'exact' precision the cross streets (or the place
   * the offline map found), ZIP and shared pin, with the zone; at 'zone' precision the zone.
   */
  where(lang: Lang, f: IncidentFacts, opts: { precision: 'exact' | 'zone'; zone?: string }): string {
    const zone = opts.zone ?? this.r.t(lang, 'alert.zone_unknown');
    const cross = f.cross ? f.cross.map((s) => forDisplay(scrubContacts(s))).join(' / ') : '';
    if (opts.precision === 'zone') return [zone, cross].filter(Boolean).join(' · ');
    const exact = [cross || (f.place ?? ''), f.zip ?? '', f.point ? mapLink(f.point) : ''].filter(Boolean).join(' · ');
    return exact ? `${exact} (${zone})` : zone;
  }

  /** Reports over their sender's hourly limit, gathered into one card. */
  digest(reports: { number: number; urgent: boolean; seenAt: number; zone?: string; activity?: string }[], lang: Lang): string {
    const { r } = this;
    const lines = reports.map((rep) =>
      r.t(lang, 'card.digest_line', {
        number: rep.number,
        urgent: rep.urgent ? '🚨 ' : '',
        zone: rep.zone ?? r.t(lang, 'alert.zone_unknown'),
        time: { time: rep.seenAt },
        what: rep.activity ? r.t(lang, `activity.kind.${rep.activity}`) : r.t(lang, 'activity.kind.other'),
      }),
    );
    return [r.t(lang, 'card.digest_title', { count: reports.length }), ...lines, r.t(lang, 'card.digest_hint')].join('\n');
  }

  /** How an alert's sends ended, one entry per group: "Lado Este ✓, Boyle Heights ✗ failed after 8 tries". */
  delivery(number: number, results: { name: string; sent: boolean; attempts: number }[], lang: Lang): string {
    const { r } = this;
    const parts = results.map((g) =>
      g.sent
        ? r.t(lang, 'verify.delivery_sent', { group: g.name })
        : r.t(lang, 'verify.delivery_dead', { group: g.name, count: g.attempts }),
    );
    const all = results.every((g) => g.sent);
    const none = results.every((g) => !g.sent);
    return r.t(lang, none ? 'verify.delivery_none' : all ? 'verify.delivery' : 'verify.delivery_some', {
      number,
      results: parts.join(', '),
    });
  }

  update(number: number, text: string, lang: Lang): string {
    return this.r.t(lang, 'alert.update', { number, text: text.trim() });
  }

  clear(number: number, lang: Lang): string {
    return this.r.t(lang, 'alert.clear', { number });
  }

  expired(number: number, lang: Lang): string {
    return this.r.t(lang, 'alert.expired', { number });
  }

  statusList(
    reports: { number: number; status: string; urgent: boolean; seenAt: number; zone?: string; reportCount: number }[],
    lang: Lang,
  ): string {
    const { r } = this;
    if (reports.length === 0) return r.t(lang, 'verify.status_empty');
    const lines = reports.map((rep) =>
      r.t(lang, 'verify.status_line', {
        number: rep.number,
        urgent: rep.urgent ? '🚨 ' : '',
        status: r.t(lang, `status.${rep.status}`),
        zone: rep.zone ?? r.t(lang, 'alert.zone_unknown'),
        time: { time: rep.seenAt },
        count: rep.reportCount,
      }),
    );
    return [r.t(lang, 'verify.status_title', { count: reports.length }), ...lines].join('\n');
  }
}

/** A map link that opens in any browser; never fetched by the bot, and previews are off. */
export function mapLink(p: GeoPoint): string {
  // As stored: as many decimals as privacy.pinDecimals kept, and no more.
  const lat = String(p.lat);
  const lng = String(p.lng);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`;
}
