/**
 * Turns the engine's locale-keyed replies into text, with times shown in the network's zone.
 */
import type { i18n } from 'i18next';
import { DateTime } from 'luxon';
import type { Draft, Param, ReplyEvent } from '../engine/types.js';
import type { Flow, FieldId } from '../flows/flow.js';
import type { Choice } from '../messages.js';
import { joinForDisplay } from '../parse/scripts.js';
import type { Lang } from '../parse/types.js';

export interface RenderedMessage {
  text: string;
  choices?: Choice[];
}

export interface Renderer {
  t(lang: Lang, key: string, params?: Record<string, Param>): string;
  reply(event: ReplyEvent): RenderedMessage;
  summary(lang: Lang, draft: Draft): string;
  /**
   * One field of a draft as shown to people ("—" when empty). `quote` is applied to the words the
   * tipster wrote (not to ours), e.g. the hygiene for text others will read. `placeApart`: the
   * place the offline map found is shown elsewhere (the card's own line), not in the location.
   */
  field(lang: Lang, draft: Draft, id: FieldId, opts?: FieldOptions): string;
  time(ms: number, lang: Lang): string;
}

export interface FieldOptions {
  quote?: (text: string) => string;
  placeApart?: boolean;
}

export function createRenderer(i18n: i18n, flow: Flow, timezone: string): Renderer {
  const time = (ms: number, lang: Lang) => {
    const dt = DateTime.fromMillis(ms, { zone: timezone }).setLocale(lang);
    return dt.toFormat(lang === 'en' ? 'h:mm a' : 'H:mm');
  };
  // Texts without parameters are the same every time: render each once (locale files are fixed at start).
  const plain = new Map<string, string>();
  const t = (lang: Lang, key: string, params?: Record<string, Param>): string => {
    if (!params || Object.keys(params).length === 0) {
      const id = `${lang}\u0000${key}`;
      let text = plain.get(id);
      if (text === undefined) {
        text = i18n.t(key, { lng: lang });
        plain.set(id, text);
      }
      return text;
    }
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) {
      if (typeof value === 'object' && 'key' in value) values[name] = i18n.t(value.key, { lng: lang });
      else if (typeof value === 'object') values[name] = time(value.time, lang);
      else values[name] = value;
    }
    return i18n.t(key, { lng: lang, ...values });
  };

  const fieldValue = (lang: Lang, draft: Draft, id: FieldId, opts: FieldOptions = {}): string => {
    const quote = opts.quote ?? ((text: string) => text);
    const empty = t(lang, 'summary.empty');
    // Chinese, Korean and Arabic words were cut apart for the parsers: joined again for people
    const words = (text: string | undefined) => (text ? quote(joinForDisplay(text)) : '');
    // A place the tipster could not give is said so: "—" would read as a field nobody asked.
    if (id === 'location' && draft.skipped.includes(id) && !draft.location) return t(lang, 'summary.place_unknown');
    if (draft.skipped.includes(id) && draft[id] === undefined) return empty;
    switch (id) {
      case 'activity': {
        const a = draft.activity;
        // Known without words (a "yes" to "is someone being detained?"): show what it is.
        if (a && !a.text && a.kind) return t(lang, `activity.kind.${a.kind}`);
        return words(a?.text) || empty;
      }
      case 'urgent':
      case 'firsthand': {
        const f = draft[id];
        if (!f) return empty;
        if (f.value === undefined) return words(f.text) || empty;
        return t(lang, f.value ? 'summary.yes' : 'summary.no');
      }
      case 'media':
        return draft.media ? t(lang, 'summary.media', { count: draft.media.items.length }) : empty;
      case 'location': {
        const l = draft.location;
        if (!l) return empty;
        // As stored: as many decimals as privacy.pinDecimals kept, and no more.
        const pin = l.point ? `📍 ${t(lang, 'intake.location.pin')} (${String(l.point.lat)}, ${String(l.point.lng)})` : '';
        const place =
          l.place && !opts.placeApart ? t(lang, 'summary.place_resolved', { place: l.place.label, meters: l.place.radiusMeters }) : '';
        return [words(l.text), place, pin].filter(Boolean).join(' · ') || empty;
      }
      case 'time': {
        const f = draft.time;
        if (!f) return empty;
        if (f.at === undefined) return words(f.text) || empty;
        const text = words(f.text);
        return text ? t(lang, 'summary.at', { text, time: { time: f.at } }) : time(f.at, lang);
      }
      default: {
        const f = draft[id];
        return words(f?.text) || empty;
      }
    }
  };

  const summary = (lang: Lang, draft: Draft) =>
    flow.steps.map((s, i) => `${i + 1}. ${t(lang, s.label)}: ${oneLine(fieldValue(lang, draft, s.id))}`).join('\n');

  return {
    t,
    time,
    summary,
    reply(event) {
      const text = event.parts
        .map((part) => ('summary' in part ? summary(event.lang, part.summary) : t(event.lang, part.key, part.params)))
        .join('\n');
      const choices = event.choices?.map((c) => ({ value: c.value, label: t(event.lang, c.key, c.params) }));
      return choices ? { text, choices } : { text };
    },
    field: fieldValue,
  };
}

/** Folds line breaks so a field stays on one line of a card or alert. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ');
}
