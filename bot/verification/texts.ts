/**
 * The texts verification sends: report cards for verifiers, alerts and their follow-ups for
 * responder groups, and the /status list. Alerts carry only the SALUTE fields, the verifier's
 * note and counts: never who reported, never the tipster's free-form message. Every word a
 * tipster wrote goes through `forDisplay` (one line, no marker lookalikes, no live links).
 */
import type { Draft } from '../engine/types.js';
import type { FieldId, Flow } from '../flows/flow.js';
import { oneLine, type Renderer } from '../i18n/render.js';
import type { GeoPoint } from '../messages.js';
import type { Lang } from '../parse/types.js';
import { forDisplay } from '../privacy/sanitize.js';

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

  card(report: CardInput, lang: Lang, opts: { zone?: string; duplicates: DuplicateHint[]; now: number; mediaNotes?: string[] }): string {
    const { r } = this;
    const n = report.number;
    const ago = Math.max(0, Math.round((opts.now - report.seenAt) / 60_000));
    const lines = [
      r.t(lang, report.urgent ? 'card.title_urgent' : 'card.title', { number: n }),
      report.status === 'incomplete' ? r.t(lang, 'card.incomplete') : '',
      r.t(lang, 'card.status', { status: r.t(lang, `status.${report.status}`) }),
      opts.zone ? r.t(lang, 'card.zone', { zone: opts.zone }) : r.t(lang, 'card.zone_unknown'),
      // A sighting whose time nobody gave has no time to print ("0 min ago" would be made up).
      report.draft.time?.at === undefined ? r.t(lang, 'card.seen_unknown') : r.t(lang, 'card.seen', { time: { time: report.seenAt }, minutes: ago }),
      ...this.flow.steps.map((s) => `${r.t(lang, s.label)}: ${r.field(lang, report.draft, s.id, forDisplay)}`),
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

  alert(
    report: CardInput & { note?: string; reportCount: number },
    lang: Lang,
    opts: { precision: 'exact' | 'zone'; zone?: string },
  ): string {
    const { r } = this;
    const d = report.draft;
    const field = (id: FieldId) => r.field(lang, d, id, forDisplay);
    const has = (id: FieldId) => d[id] !== undefined;
    const lines = [
      r.t(lang, report.urgent ? 'alert.title_urgent' : 'alert.title', { number: report.number }),
      has('activity') ? r.t(lang, 'alert.what', { text: this.what(lang, d) }) : '',
      r.t(lang, 'alert.where', { text: this.where(lang, d, opts) }),
      r.t(lang, 'alert.when', { text: d.time?.at !== undefined ? r.time(d.time.at, lang) : field('time') }),
      has('size') ? r.t(lang, 'alert.size', { text: this.size(lang, d) ?? field('size') }) : '',
      has('uniform') ? r.t(lang, 'alert.uniform', { text: this.uniform(lang, d) ?? field('uniform') }) : '',
      has('equipment') ? r.t(lang, 'alert.equipment', { text: field('equipment') }) : '',
      report.note ? r.t(lang, 'alert.note', { text: oneLine(report.note) }) : '',
      r.t(lang, 'alert.reports', { count: report.reportCount }),
    ];
    return lines.filter(Boolean).join('\n');
  }

  /** What, in the group's language where it was understood, with the tipster's words beside it. */
  private what(lang: Lang, d: Draft): string {
    const a = d.activity;
    if (!a) return '';
    if (!a.kind || a.kind === 'other') return forDisplay(a.text);
    return this.r.t(lang, 'alert.quoted', { label: this.r.t(lang, `activity.kind.${a.kind}`), text: forDisplay(a.text) });
  }

  private size(lang: Lang, d: Draft): string | undefined {
    const s = d.size;
    if (!s || (s.agents === undefined && s.vehicles === undefined)) return undefined;
    const parts = [
      s.agents !== undefined ? this.r.t(lang, 'alert.agents', { count: s.agents }) : '',
      s.vehicles !== undefined ? this.r.t(lang, 'alert.vehicles', { count: s.vehicles }) : '',
    ];
    return parts.filter(Boolean).join(', ');
  }

  private uniform(lang: Lang, d: Draft): string | undefined {
    const markings = d.uniform?.markings ?? [];
    if (markings.length === 0) return undefined;
    return markings.map((m) => this.r.t(lang, `marking.${m}`)).join(', ');
  }

  private where(lang: Lang, d: Draft, opts: { precision: 'exact' | 'zone'; zone?: string }): string {
    const { r } = this;
    const loc = d.location;
    const zone = opts.zone ?? r.t(lang, 'alert.zone_unknown');
    if (opts.precision === 'zone') {
      const cross = loc?.crossStreets ? ` · ${loc.crossStreets.map(forDisplay).join(' / ')}` : '';
      return `${zone}${cross}`;
    }
    const parts = [loc?.text ? forDisplay(loc.text) : '', loc?.point ? mapLink(loc.point) : '', opts.zone ? `(${opts.zone})` : ''];
    return parts.filter(Boolean).join(' ') || zone;
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

  statusList(reports: { number: number; status: string; urgent: boolean; seenAt: number; zone?: string; reportCount: number }[], lang: Lang): string {
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
