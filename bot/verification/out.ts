/**
 * What a decision says and to whom, as it is being decided: a small builder that turns "tell the
 * verifiers", "alert these groups", "tell the tipster" into fully addressed `send` events (chat,
 * language, text, dedupe key, lane). Pure: it only appends to `events`.
 */
import type { Param } from '../engine/types.js';
import type { Lang } from '../parse/types.js';
import type { VerificationEvent } from './events.js';
import type { CommandChat, FileInfo, Network, ReadModel, ReportView, ResponderGroup, VerifierChat } from './model.js';
import type { VerificationTexts } from './texts.js';

/** Everything from outside the decider: the instant and the texts. */
export interface DecideEnv {
  now: number;
  texts: VerificationTexts;
}

/** Attachments of a row to verifier chats, and lines saying what was withheld. */
export interface VerifierMedia {
  mediaRefs: string[];
  uncleanedRefs: string[];
  lines: (lang: Lang) => string[];
}

export class Out {
  readonly events: VerificationEvent[] = [];

  constructor(
    readonly model: ReadModel,
    readonly env: DecideEnv,
  ) {}

  get net(): Network {
    return this.model.network;
  }

  get now(): number {
    return this.env.now;
  }

  t(lang: Lang, key: string, params?: Record<string, Param>): string {
    return this.env.texts.t(lang, key, params);
  }

  langOf(chat: { language?: Lang }): Lang {
    return chat.language ?? this.net.defaultLang;
  }

  push(...events: VerificationEvent[]): void {
    this.events.push(...events);
  }

  /** A reply in the chat a command came from, in that chat's language. */
  reply(chat: CommandChat, key: string, params: Record<string, Param> = {}, oneOff?: string): void {
    if (chat.role === 'dashboard') {
      this.events.push({ type: 'dashboard_reply', text: this.t(chat.lang, key, params), key });
      return;
    }
    this.events.push({
      type: 'send',
      to: { type: 'chat', platform: chat.platform, id: chat.id, kind: chat.kind },
      text: this.t(chat.lang, key, params),
      key,
      lane: 'normal',
      ...(oneOff !== undefined ? { oneOff } : {}),
    });
  }

  /** One message per verifier chat, each in its language; `dedupe` gives fan-out rows their key prefix. */
  toVerifiers(key: string, render: (lang: Lang) => string, opts: { dedupe?: string; media?: VerifierMedia } = {}): void {
    for (const chat of this.net.verifierChats) {
      const lang = this.langOf(chat);
      const extra = opts.media?.lines(lang) ?? [];
      this.events.push({
        type: 'send',
        to: { type: 'chat', platform: chat.platform, id: chat.id, kind: 'group' },
        text: [render(lang), ...extra].filter(Boolean).join('\n'),
        key,
        lane: 'normal',
        ...(opts.dedupe !== undefined ? { dedupeKey: `${opts.dedupe}:${chatId(chat)}` } : {}),
        ...(opts.media?.mediaRefs.length ? { mediaRefs: opts.media.mediaRefs } : {}),
        ...(opts.media?.uncleanedRefs.length ? { uncleanedRefs: opts.media.uncleanedRefs } : {}),
      });
    }
  }

  /**
   * One message per responder group, in the alert lane. `kind` 'alert' is the alert itself
   * (keyed `alert:<number>:<chat>`); any other kind (`update:1042:2`) is threaded under it.
   */
  toGroups(
    number: number,
    groups: readonly ResponderGroup[],
    key: string,
    render: (lang: Lang, group: ResponderGroup) => string,
    kind: string,
    opts: { mediaRefs?: string[] } = {},
  ): void {
    for (const g of groups) {
      const isAlert = kind === 'alert';
      this.events.push({
        type: 'send',
        to: { type: 'chat', platform: g.platform, id: g.id, kind: 'group' },
        text: render(this.langOf(g), g),
        key,
        lane: 'alert',
        dedupeKey: isAlert ? alertKey(number, g) : `${kind}:${chatId(g)}`,
        ...(isAlert ? {} : { replyToKey: alertKey(number, g) }),
        ...(isAlert && g.media && opts.mediaRefs?.length ? { mediaRefs: opts.mediaRefs } : {}),
      });
    }
  }

  /** A message to the report's tipster in their language, while the bot can still reach them. */
  toTipster(report: ReportView, key: string, params: Record<string, Param> = {}, dedupeKey?: string): void {
    if (!report.replyAddress || !report.tipster) return;
    this.events.push({
      type: 'send',
      to: { type: 'tipster', platform: report.platform, key: report.tipster, address: report.replyAddress },
      text: this.t(report.lang, key, { number: report.number, ...params }),
      key,
      lane: 'normal',
      ...(dedupeKey !== undefined ? { dedupeKey } : {}),
    });
  }

  /** The responder groups of a place: those covering one of its zones, else the fallback groups. */
  groupsFor(zones: readonly string[]): ResponderGroup[] {
    const groups = this.net.responderGroups;
    const matching = groups.filter((g) => g.zones.some((z) => zones.includes(z)));
    return matching.length > 0 ? matching : groups.filter((g) => g.fallback);
  }

  /** The names of zones in a language ("Lado Este, Boyle Heights"), undefined for none. */
  zoneName(ids: readonly string[], lang: Lang): string | undefined {
    if (ids.length === 0) return undefined;
    return ids
      .map((id) => {
        const zone = this.net.zones.find((z) => z.id === id);
        return zone?.name[lang] ?? Object.values(zone?.name ?? {})[0] ?? id;
      })
      .join(', ');
  }

  /** How verifiers know a group: its configured name, else its zones' names, else its id. */
  groupName(g: ResponderGroup, lang: Lang): string {
    return g.name ?? this.zoneName(g.zones, lang) ?? g.id;
  }

  /** The names of groups, each told apart by its id where two would read the same. */
  groupNames(groups: readonly ResponderGroup[], lang: Lang): string[] {
    const names = groups.map((g) => this.groupName(g, lang));
    return names.map((name, i) => (names.indexOf(name) !== names.lastIndexOf(name) ? `${name} (${groups[i]?.id ?? ''})` : name));
  }

  /**
   * The files of a report as verifier chats get them: cleaned photos attached; files that could
   * not be cleaned attached only when the config says so, otherwise named as withheld.
   */
  mediaForVerifiers(files: readonly FileInfo[]): VerifierMedia {
    const share = this.net.settings.uncleanableMedia === 'verifiers';
    const uncleaned = files.filter((m) => !m.cleaned);
    const sent = share ? uncleaned.filter((m) => m.hasBytes) : [];
    const held = share ? uncleaned.filter((m) => !m.hasBytes) : uncleaned;
    const count = (list: readonly FileInfo[], key: string, lang: Lang) => {
      const photos = list.filter((m) => m.kind === 'image').length;
      const others = list.length - photos;
      return [
        photos > 0 ? this.t(lang, `card.${key}_photo`, { count: photos }) : '',
        others > 0 ? this.t(lang, `card.${key}_video`, { count: others }) : '',
      ];
    };
    return {
      mediaRefs: cleanedPhotos(files),
      uncleanedRefs: sent.map((m) => m.ref),
      lines: (lang) => [...count(sent, 'media_uncleaned', lang), ...count(held, 'media_withheld', lang)].filter(Boolean),
    };
  }
}

/** `platform:id` of a chat, as dedupe keys and alert targets name it. */
export function chatId(chat: Pick<VerifierChat, 'platform' | 'id'>): string {
  return `${chat.platform}:${chat.id}`;
}

export function alertKey(number: number, g: Pick<VerifierChat, 'platform' | 'id'>): string {
  return `alert:${number}:${chatId(g)}`;
}

/** The refs of cleaned photos whose bytes are held: the only files that may leave the verifier chat. */
export function cleanedPhotos(files: readonly FileInfo[]): string[] {
  return files.filter((m) => m.cleaned && m.hasBytes && m.kind === 'image').map((m) => m.ref);
}
