/**
 * The verification desk: what happens in verifier and responder chats. Commands from enrolled
 * verifiers go through the pure `decide`, and its effects are applied here inside the caller's
 * transaction: report rows, approvals, the audit log, and outbox rows for cards, alerts, updates
 * and messages to tipsters. Fan-out rows carry dedupe keys, so a redelivered or repeated command
 * never alerts a group twice.
 */
import type { Zone } from '../config/index.js';
import type { SubmittedReport } from '../engine/types.js';
import { approximatePoint, distanceMeters, zonesFor } from '../geo/zones.js';
import type { Renderer } from '../i18n/render.js';
import type { ChatKind, InboundMessage, Platform } from '../messages.js';
import type { Lang } from '../parse/types.js';
import { forDisplay } from '../privacy/sanitize.js';
import type { Vault } from '../privacy/vault.js';
import { REPORT_COMMANDS, parseCommand, type ParsedCommand } from '../verification/commands.js';
import { decide, type Effect } from '../verification/decide.js';
import type { NearbyReport, ReportRecord, VerificationStore } from '../verification/store-port.js';
import type { DuplicateHint, VerificationTexts } from '../verification/texts.js';
import type { ChatTarget, RuntimeLogger } from './runtime.js';
import type { MediaInfo, RuntimeStore } from './store-port.js';

export interface ResponderTarget extends ChatTarget {
  zones: string[];
  fallback: boolean;
  precision: 'exact' | 'zone';
  /** Whether alerts here carry the report's photos (cleaned ones only, ever). */
  media?: boolean;
}

export interface DeskSettings {
  /** Reports one tipster may send in an hour before the rest are marked low priority. */
  reportsPerHour: number;
  /** "Possible coordinated flood": this many reports about one place from new tipsters within the window. */
  floodReports: number;
  floodWindowMs: number;
  approvals: number;
  staleAfterMs: number;
  duplicateWindowMs: number;
  duplicateDistanceMeters: number;
  expireIncidentAfterMs: number;
  expireReportAfterMs: number;
}

export interface DeskDeps {
  store: RuntimeStore & VerificationStore;
  texts: VerificationTexts;
  renderer: Renderer;
  vault: Vault;
  zones: readonly Zone[];
  verifierChats: ChatTarget[];
  responderChats: ResponderTarget[];
  verifiers: { platform: Platform; id: string }[];
  settings: DeskSettings;
  defaultLang: Lang;
  logger: RuntimeLogger;
  /** Files that cannot be cleaned: 'withhold' (default) or 'verifiers' (sent to verifier chats only). */
  uncleanableMedia?: 'withhold' | 'verifiers';
}

interface Place {
  zones: string[];
  point: ReportRecord['point'];
  cross: [string, string] | undefined;
}

interface Chat {
  platform: Platform;
  id: string;
  kind: ChatKind;
}

interface Outgoing {
  text: string;
  /** Dedupe key of an earlier outbox row to reply (thread) under, resolved when sending. */
  replyToKey?: string;
  /** Held photos to attach, cleaned ones only: the dispatcher loads the bytes when sending. */
  mediaRefs?: string[];
  /** Held files sent as received (location data may be inside): verifier chats only, by config. */
  uncleanedRefs?: string[];
}

/** What a verifier chat gets of a report's files: what to attach, and lines saying what was withheld. */
interface MediaForVerifiers {
  mediaRefs: string[];
  uncleanedRefs: string[];
  lines: (lang: Lang) => string[];
}

export class VerificationDesk {
  private readonly enrolled: Set<string>;

  constructor(private readonly d: DeskDeps) {
    this.enrolled = new Set(d.verifiers.map((v) => `${v.platform}:${v.id}`));
  }

  /** The stable id of an enrolled verifier, or undefined. Matched on platform ids, never names. */
  verifierId(platform: Platform, sender: string): string | undefined {
    const id = `${platform}:${sender}`;
    return this.enrolled.has(id) ? id : undefined;
  }

  /**
   * A direct message that is a verification command (from a verifier, or a report command from
   * anyone, which is refused and recorded). Returns false when it is not one: the intake takes it.
   */
  onDirectMessage(msg: InboundMessage, now: number): boolean {
    const parsed = msg.text ? parseCommand(msg.text) : undefined;
    if (!parsed) return false;
    const verifier = this.verifierId(msg.platform, msg.sender);
    if (!verifier && !REPORT_COMMANDS.has(parsed.name)) return false; // /help and the like: the intake answers
    this.onCommand({ platform: msg.platform, id: msg.chat.id, kind: 'direct' }, msg, parsed, parsed.lang, now);
    return true;
  }

  /** A message in a group chat. Returns false when it was ignored (chatter, strangers, other groups). */
  onGroupMessage(msg: InboundMessage, now: number): boolean {
    const parsed = msg.text ? parseCommand(msg.text) : undefined;
    if (!parsed) return false;
    const chat: Chat = { platform: msg.platform, id: msg.chat.id, kind: 'group' };
    const verifierChat = this.d.verifierChats.find((c) => c.platform === msg.platform && c.id === msg.chat.id);
    if (verifierChat) {
      if (parsed.name === 'going') return false;
      this.onCommand(chat, msg, parsed, verifierChat.language ?? this.d.defaultLang, now);
      return true;
    }
    const responderChat = this.d.responderChats.find((c) => c.platform === msg.platform && c.id === msg.chat.id);
    if (responderChat && parsed.ok && parsed.command.name === 'going') {
      this.acknowledge(parsed.command.report, msg, now);
      return true;
    }
    return false;
  }

  private onCommand(chat: Chat, msg: InboundMessage, parsed: ParsedCommand, lang: Lang, now: number): void {
    const verifier = this.verifierId(msg.platform, msg.sender);
    const actor = verifier ?? `anon:${this.d.vault.pseudonym(msg.platform, msg.sender)}`;
    if (!parsed.ok) {
      if (!verifier && REPORT_COMMANDS.has(parsed.name)) {
        this.d.store.audit({ at: now, actor, action: `refused:${parsed.name}` });
        return this.say(chat, lang, 'verify.not_enrolled', {}, now);
      }
      return this.say(chat, lang, `verify.usage.${parsed.name}`, {}, now);
    }
    const command = parsed.command;
    const number = 'report' in command ? command.report : undefined;
    const report = number !== undefined ? this.d.store.getReport(number) : undefined;
    const targetNumber = command.name === 'merge' ? command.into : command.name === 'reopen' ? report?.incident : undefined;
    const effects = decide(command, {
      actor: { id: actor, enrolled: verifier !== undefined },
      ...(report ? { report } : {}),
      ...(targetNumber !== undefined ? optional('target', this.d.store.getReport(targetNumber)) : {}),
      approvals: number !== undefined ? this.d.store.approvalsOf(number) : [],
      settings: { approvals: this.d.settings.approvals, staleAfterMs: this.d.settings.staleAfterMs },
      now,
    });
    for (const effect of effects) this.apply(effect, { chat, lang, actor, now });
  }

  private apply(effect: Effect, c: { chat: Chat; lang: Lang; actor: string; now: number }): void {
    const { store } = this.d;
    switch (effect.type) {
      case 'say':
        return this.say(c.chat, c.lang, effect.key, effect.params ?? {}, c.now);
      case 'patch':
        return store.patchReport(effect.report, effect.patch);
      case 'approve':
        return store.addApproval(effect.report, effect.verifier, c.now);
      case 'audit':
        return store.audit({ at: c.now, actor: c.actor, action: effect.action, ...pick(effect, 'report', 'detail') });
      case 'alert':
        if (this.alert(effect.report, c.now) === 0) this.say(c.chat, c.lang, 'verify.no_groups', { number: effect.report }, c.now);
        return;
      case 'post_update': {
        const report = store.getReport(effect.report);
        if (!report) return;
        const seq = report.updateCount + 1;
        store.patchReport(effect.report, { updateCount: seq });
        return this.toGroups(report, 'update', seq, (lang) => this.d.texts.update(effect.report, effect.text, lang), c.now);
      }
      case 'post_clear': {
        const report = store.getReport(effect.report);
        if (report) this.toGroups(report, 'clear', 0, (lang) => this.d.texts.clear(effect.report, lang), c.now);
        return;
      }
      case 'tell_tipster':
        return this.tellTipster(effect.report, effect.key, {}, `tipster:${effect.key}:${effect.report}`, c.now);
      case 'relay_question':
        store.patchReport(effect.report, { relayOpen: true });
        return this.tellTipster(effect.report, 'tipster.question', { text: effect.question }, undefined, c.now);
      case 'close_relay':
        return store.patchReport(effect.report, { relayOpen: false, replyAddress: null });
      case 'block': {
        const tipster = store.tipsterOf(effect.report);
        if (!tipster) return this.say(c.chat, c.lang, 'verify.cannot_block', { number: effect.report }, c.now);
        store.setBlocked(tipster, effect.blocked, c.actor, effect.report, c.now);
        return this.say(c.chat, c.lang, effect.blocked ? 'verify.blocked' : 'verify.unblocked', { number: effect.report }, c.now);
      }
      case 'status_list': {
        const reports = store.openReports(20).map((r) => ({ ...r, ...optional('zone', this.zoneName(r.zones, c.lang)) }));
        return this.send(c.chat, { text: this.d.texts.statusList(reports, c.lang) }, undefined, c.now);
      }
    }
  }

  // ------------------------------------------------------------------ reports and cards

  /** Stores a submitted report and posts its card to every verifier chat. */
  reportSubmitted(
    report: SubmittedReport,
    who: { platform: Platform; key: string; address: string },
    mediaRefs: string[],
    now: number,
  ): void {
    const { location, description } = report.draft;
    // The place as given decides; failing that, a neighbourhood named anywhere in the first message.
    let zones = zonesFor(this.d.zones, location);
    if (zones.length === 0 && description) zones = zonesFor(this.d.zones, { text: description });
    const point = approximatePoint(this.d.zones, location) ?? (description ? approximatePoint(this.d.zones, { text: description }) : undefined);
    const { store } = this.d;
    // Abuse checks, before this report counts: a flood from one sender is accepted quietly but
    // marked low priority; a blocked sender's reports are kept from verifiers. The tipster's
    // replies never change, so neither can tell.
    const low = store.reportsBy(who.key, now - 60 * 60_000) >= this.d.settings.reportsPerHour;
    const blocked = store.isBlocked(who.key);
    store.insertReport({
      report, platform: who.platform, tipster: who.key, mediaRefs, zones, replyAddress: who.address,
      ...optional('point', point),
    });
    const place = { zones, point, cross: location?.crossStreets };
    const flood = this.floodSize(report.number, place, now);
    const flags = [...(blocked ? ['blocked'] : []), ...(flood > 0 ? ['coordinated_flood'] : [])];
    if (low || flags.length > 0) store.patchReport(report.number, { ...(low ? { priority: 'low' as const } : {}), flags: JSON.stringify(flags) });
    if (blocked) {
      store.audit({ at: now, actor: 'system', action: 'held_blocked_sender', report: report.number });
      return;
    }
    const warnings = (lang: Lang) => [
      low ? this.d.renderer.t(lang, 'card.low_priority') : '',
      flood > 0 ? this.d.renderer.t(lang, 'card.flood', { count: flood, minutes: Math.round(this.d.settings.floodWindowMs / 60_000) }) : '',
    ].filter(Boolean);
    const duplicates = this.duplicates(report.number, place, report.seenAt, now);
    const media = this.mediaForVerifiers(mediaRefs);
    for (const chat of this.d.verifierChats) {
      const lang = chat.language ?? this.d.defaultLang;
      const text = this.d.texts.card(report, lang, { duplicates, now, mediaNotes: [...warnings(lang), ...media.lines(lang)], ...optional('zone', this.zoneName(zones, lang)) });
      this.send({ ...chat, kind: 'group' }, { text, ...attach(media) }, `card:${report.number}:${chat.platform}:${chat.id}`, now);
    }
  }

  /**
   * The files of a report as verifier chats get them: cleaned photos attached; files that could
   * not be cleaned attached only when the config says so, otherwise named as withheld.
   */
  private mediaForVerifiers(refs: string[]): MediaForVerifiers {
    const info = refs.length > 0 ? this.d.store.mediaInfo(refs) : [];
    const share = this.d.uncleanableMedia === 'verifiers';
    const uncleaned = info.filter((m) => !m.cleaned);
    const sent = share ? uncleaned.filter((m) => m.hasBytes) : [];
    const held = share ? uncleaned.filter((m) => !m.hasBytes) : uncleaned;
    const count = (list: typeof info, key: string, lang: Lang) => {
      const photos = list.filter((m) => m.kind === 'image').length;
      const others = list.length - photos;
      return [
        photos > 0 ? this.d.renderer.t(lang, `card.${key}_photo`, { count: photos }) : '',
        others > 0 ? this.d.renderer.t(lang, `card.${key}_video`, { count: others }) : '',
      ];
    };
    return {
      mediaRefs: cleanedPhotos(info),
      uncleanedRefs: sent.map((m) => m.ref),
      lines: (lang) => [...count(sent, 'media_uncleaned', lang), ...count(held, 'media_withheld', lang)].filter(Boolean),
    };
  }

  /**
   * "Possible coordinated flood": counting this one, how many reports about the same place came
   * from tipsters with no earlier history within the flood window (0 when under the threshold).
   */
  private floodSize(number: number, place: Place, now: number): number {
    const since = now - this.d.settings.floodWindowMs;
    const fresh = this.d.store.recentReports(since, number).filter((o) => !o.established && this.samePlace(place, o));
    const senders = new Set(fresh.map((o) => o.tipster ?? `#${o.number}`));
    const count = senders.size + 1;
    return count >= this.d.settings.floodReports ? count : 0;
  }

  private samePlace(place: Place, other: NearbyReport): boolean {
    const sameZone = place.zones.some((z) => other.zones.includes(z));
    const meters = place.point && other.point ? distanceMeters(place.point, other.point) : undefined;
    const sameCorner = place.cross !== undefined && sameStreets(place.cross, other.cross);
    return sameCorner || (meters !== undefined ? meters <= this.d.settings.duplicateDistanceMeters && (sameZone || place.zones.length === 0) : sameZone);
  }

  /**
   * Recent reports that may be the same sighting: in the same zone and within the distance (when
   * both have a point), or naming the same cross streets.
   */
  private duplicates(number: number, place: Place, seenAt: number, now: number): DuplicateHint[] {
    const hints: DuplicateHint[] = [];
    for (const other of this.d.store.recentReports(now - this.d.settings.duplicateWindowMs, number)) {
      if (other.status === 'rejected' || !this.samePlace(place, other)) continue;
      const meters = place.point && other.point ? Math.round(distanceMeters(place.point, other.point)) : undefined;
      const minutes = Math.round(Math.abs(seenAt - other.seenAt) / 60_000);
      hints.push(meters !== undefined ? { number: other.number, meters, minutes } : { number: other.number, minutes });
    }
    return hints.slice(0, 3);
  }

  /**
   * The tipster answered a verifier's question (or, with `key` = 'verify.followup', sent more
   * news about a report they just submitted): tag it with the report and pass it on.
   */
  relayReply(number: number, text: string, mediaRefs: string[], now: number, key: 'verify.relay_reply' | 'verify.followup' = 'verify.relay_reply'): void {
    const media = this.mediaForVerifiers(mediaRefs);
    for (const chat of this.d.verifierChats) {
      const lang = chat.language ?? this.d.defaultLang;
      const lines = [
        text ? this.d.renderer.t(lang, key, { number, text: forDisplay(text) }) : '',
        mediaRefs.length ? this.d.renderer.t(lang, 'verify.relay_media', { number, count: mediaRefs.length }) : '',
        ...media.lines(lang),
      ].filter(Boolean);
      this.send({ ...chat, kind: 'group' }, { text: lines.join('\n'), ...attach(media) }, undefined, now);
    }
  }

  // ------------------------------------------------------------------ alerts

  /** The responder groups of a report: those covering one of its zones, else the fallback groups. */
  private groupsFor(report: ReportRecord): ResponderTarget[] {
    const matching = this.d.responderChats.filter((g) => g.zones.some((z) => report.zones.includes(z)));
    return matching.length > 0 ? matching : this.d.responderChats.filter((g) => g.fallback);
  }

  /** Queues the alert for every matching group; returns how many groups that is. */
  private alert(number: number, now: number): number {
    const report = this.d.store.getReport(number);
    if (!report) return 0;
    const groups = this.groupsFor(report);
    // Photos only for groups that asked for them, and only cleaned ones: never a file as received.
    const photos = groups.some((g) => g.media) ? cleanedPhotos(this.d.store.mediaInfo(report.draft.media?.items.map((m) => m.ref) ?? [])) : [];
    for (const g of groups) {
      const lang = g.language ?? this.d.defaultLang;
      const text = this.d.texts.alert(report, lang, { precision: g.precision, ...optional('zone', this.zoneName(report.zones, lang)) });
      this.send({ ...g, kind: 'group' }, { text, ...(g.media && photos.length > 0 ? { mediaRefs: photos } : {}) }, alertKey(number, g), now);
    }
    this.d.logger.info({ report: number, groups: groups.length }, 'alert queued');
    return groups.length;
  }

  private toGroups(report: ReportRecord, kind: string, seq: number, render: (lang: Lang) => string, now: number): void {
    for (const g of this.groupsFor(report)) {
      const lang = g.language ?? this.d.defaultLang;
      this.send({ ...g, kind: 'group' }, { text: render(lang), replyToKey: alertKey(report.number, g) }, `${kind}:${report.number}:${seq}:${g.platform}:${g.id}`, now);
    }
  }

  private acknowledge(number: number, msg: InboundMessage, now: number): void {
    const report = this.d.store.getReport(number);
    if (report?.status !== 'confirmed') return;
    const responder = this.d.vault.pseudonym(msg.platform, `responder:${msg.sender}`);
    if (!this.d.store.addAck(number, responder, now)) return;
    const count = this.d.store.ackCount(number);
    for (const chat of this.d.verifierChats) {
      const lang = chat.language ?? this.d.defaultLang;
      this.send({ ...chat, kind: 'group' }, { text: this.d.renderer.t(lang, 'verify.acks', { number, count }) }, `acks:${number}:${count}:${chat.platform}:${chat.id}`, now);
    }
  }

  /** Closes reports nobody handled and incidents with no news; tells the groups of the latter. */
  expire(now: number): number {
    const { store, settings } = this.d;
    const due = store.expiring(now - settings.expireIncidentAfterMs, now - settings.expireReportAfterMs, 50);
    for (const report of due) {
      store.patchReport(report.number, { status: 'expired', closedAt: now, relayOpen: false, replyAddress: null });
      store.audit({ at: now, actor: 'system', action: 'expire', report: report.number });
      if (report.status === 'confirmed') {
        this.toGroups(report, 'expired', 0, (lang) => this.d.texts.expired(report.number, lang), now);
      }
    }
    return due.length;
  }

  // ------------------------------------------------------------------ sending

  private tellTipster(number: number, key: string, params: Record<string, string>, dedupeKey: string | undefined, now: number): void {
    const report = this.d.store.getReport(number);
    const tipster = report ? this.tipsterOf(report) : undefined;
    if (!report?.replyAddress || !tipster) return;
    const text = this.d.renderer.t(report.lang, key, { number, ...params });
    this.d.store.enqueue(
      { platform: report.platform, address: report.replyAddress, chatKey: tipster, payload: JSON.stringify({ text }), ...optional('dedupeKey', dedupeKey) },
      now,
    );
  }

  private tipsterOf(report: ReportRecord): string | undefined {
    return this.d.store.tipsterOf(report.number);
  }

  private say(chat: Chat, lang: Lang, key: string, params: Record<string, string | number>, now: number): void {
    this.send(chat, { text: this.d.renderer.t(lang, key, params) }, undefined, now);
  }

  private send(chat: Chat, message: Outgoing, dedupeKey: string | undefined, now: number): void {
    const address = this.d.vault.seal(JSON.stringify({ id: chat.id, kind: chat.kind }));
    const chatKey = chat.kind === 'direct' ? this.d.vault.pseudonym(chat.platform, chat.id) : this.d.vault.pseudonym(chat.platform, `chat:${chat.id}`);
    this.d.store.enqueue(
      { platform: chat.platform, address, chatKey, payload: JSON.stringify(message), ...optional('dedupeKey', dedupeKey) },
      now,
    );
  }

  private zoneName(ids: string[], lang: Lang): string | undefined {
    if (ids.length === 0) return undefined;
    return ids
      .map((id) => {
        const zone = this.d.zones.find((z) => z.id === id);
        return zone?.name[lang] ?? Object.values(zone?.name ?? {})[0] ?? id;
      })
      .join(', ');
  }
}

function sameStreets(a: [string, string], b: [string, string] | undefined): boolean {
  if (!b) return false;
  const norm = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\b(st|street|ave|avenue|calle|blvd)\b\.?/g, '').trim();
  const x = a.map(norm).sort();
  const y = b.map(norm).sort();
  return x[0] === y[0] && x[1] === y[1];
}

/** The refs of cleaned photos whose bytes are held: the only files that may leave the verifier chat. */
function cleanedPhotos(info: MediaInfo[]): string[] {
  return info.filter((m) => m.cleaned && m.hasBytes && m.kind === 'image').map((m) => m.ref);
}

/** The attachment fields of an outbox payload (absent when there is nothing to attach). */
function attach(media: MediaForVerifiers): Pick<Outgoing, 'mediaRefs' | 'uncleanedRefs'> {
  return {
    ...(media.mediaRefs.length > 0 ? { mediaRefs: media.mediaRefs } : {}),
    ...(media.uncleanedRefs.length > 0 ? { uncleanedRefs: media.uncleanedRefs } : {}),
  };
}

function alertKey(number: number, g: { platform: Platform; id: string }): string {
  return `alert:${number}:${g.platform}:${g.id}`;
}

/** `{ [key]: value }` when value is defined, else `{}` (for exactOptional-friendly spreads). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function pick<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
