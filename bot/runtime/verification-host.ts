/**
 * Verification in the runtime: for each input (a command in a verifier or responder chat, a
 * submitted report, a tipster's answer, the clock, a settled alert row) it loads the read model
 * once, asks the pure decider (bot/verification/decide.ts) what happens, and applies the events
 * in the caller's transaction. It decides nothing itself.
 */
import { randomBytes } from 'node:crypto';
import { tokenHash } from '../privacy/token-hash.js';
import type { EngineEvent } from '../engine/types.js';
import type { Logger } from '../logger.js';
import type { InboundMessage, Platform } from '../messages.js';
import type { Lang } from '../parse/types.js';
import type { Vault } from '../privacy/vault.js';
import { parseCommand, REPORT_COMMANDS, type ParsedCommand } from '../verification/commands.js';
import { decide } from '../verification/decide.js';
import type { VerificationEvent } from '../verification/events.js';
import {
  emptyModel,
  type Actor,
  type CommandChat,
  type Network,
  type Person,
  type ReadModel,
  type VerificationInput,
} from '../verification/model.js';
import type { VerificationStore } from '../verification/store-port.js';
import type { VerificationTexts } from '../verification/texts.js';
import type { DispatchStore } from '../verification/dispatch-state.js';
import { applyVerificationEvents, type IntakeToVerification } from './apply-events.js';
import { FieldHost, type FieldMessage } from './field-host.js';
import type { RuntimeStore, StoredSession } from './store-port.js';

const HOUR = 3_600_000;

export interface VerificationHostDeps {
  store: RuntimeStore & VerificationStore;
  vault: Vault;
  texts: VerificationTexts;
  network: Network;
  logger: Logger;
  /** The on-duty roster and field dispatch. */
  field: DispatchStore;
  /** Refs for photos field verifiers send from the scene. */
  newId: () => string;
}

export class VerificationHost implements IntakeToVerification {
  /** Enrolled people by `platform:id`, for every id they are enrolled with. */
  private readonly people = new Map<string, Person>();
  /** Roster and dispatch input: `/on`, `/dispatch`, `/visto`, a pinged volunteer's `si 10`. */
  private readonly field: FieldHost;

  constructor(private readonly d: VerificationHostDeps) {
    this.field = new FieldHost(d);
    for (const person of d.network.roster) for (const id of person.ids) this.people.set(`${id.platform}:${id.id}`, person);
  }

  /**
   * The verification command a direct message is (from a verifier, or a report command from
   * anyone, which is refused and recorded), or undefined when it is not one: the intake takes it.
   * Deciding this apart from running it lets the runtime record the message id first.
   */
  directCommand(msg: InboundMessage): ParsedCommand | FieldMessage | undefined {
    const field = this.field.direct(msg);
    if (field) return field;
    const parsed = msg.text ? parseCommand(msg.text) : undefined;
    if (!parsed) return undefined;
    const enrolled = this.people.has(`${msg.platform}:${msg.sender}`);
    if (!enrolled && !REPORT_COMMANDS.has(parsed.name)) return undefined; // /help and the like: the intake answers
    return parsed;
  }

  /** Runs a command found by {@link VerificationHost.directCommand}. */
  onDirectCommand(msg: InboundMessage, parsed: ParsedCommand | FieldMessage, now: number): void {
    if ('field' in parsed) {
      this.field.run(msg, parsed.field, now);
      return;
    }
    this.command(msg, { platform: msg.platform, id: msg.chat.id, kind: 'direct', role: 'direct', lang: parsed.lang }, parsed, now);
  }

  /** A message in a group chat. False when it was ignored (chatter, strangers' chatter, other groups). */
  onGroupMessage(msg: InboundMessage, now: number): boolean {
    const { network } = this.d;
    const same = (c: { platform: Platform; id: string }) => c.platform === msg.platform && c.id === msg.chat.id;
    const verifierChat = network.verifierChats.find(same);
    if (verifierChat) {
      const lang = verifierChat.language ?? network.defaultLang;
      const field = this.field.group(msg, { platform: msg.platform, id: msg.chat.id, kind: 'group', role: 'verifiers', lang });
      if (field) {
        this.field.run(msg, field.field, now);
        return true;
      }
    }
    const parsed = msg.text ? parseCommand(msg.text) : undefined;
    if (!parsed) return false;
    if (verifierChat) {
      if (parsed.name === 'going') return false;
      const lang = verifierChat.language ?? network.defaultLang;
      this.command(msg, { platform: msg.platform, id: msg.chat.id, kind: 'group', role: 'verifiers', lang }, parsed, now);
      return true;
    }
    const group = network.responderGroups.find(same);
    if (group && parsed.ok && parsed.command.name === 'going') {
      const lang = group.language ?? network.defaultLang;
      this.command(msg, { platform: msg.platform, id: msg.chat.id, kind: 'group', role: 'responders', lang }, parsed, now);
      return true;
    }
    return false;
  }

  submitted(event: Extract<EngineEvent, { type: 'report_submitted' }>, who: Omit<StoredSession, 'session'>, now: number): void {
    const mediaRefs = event.report.draft.media?.items.map((m) => m.ref) ?? [];
    const s = this.d.network.settings;
    const since = now - Math.max(s.duplicateWindowMs, s.floodWindowMs);
    this.run(
      { type: 'submitted', report: event.report, tipster: { platform: who.platform, key: who.key, address: who.address }, mediaRefs },
      now,
      (m) => ({
        ...m,
        senderReportsLastHour: this.d.store.reportsBy(who.key, now - HOUR),
        senderBlocked: this.d.store.isBlocked(who.key),
        nearby: this.d.store.recentReports(since),
        files: mediaRefs.length > 0 ? this.d.store.mediaInfo(mediaRefs) : [],
        field: this.field.forSubmitted(),
      }),
    );
    this.d.logger.info({ report: event.report.number, status: event.report.status, urgent: event.report.urgent }, 'report submitted');
  }

  tipsterWrote(kind: 'answer' | 'followup', report: number, text: string, media: string[], now: number): void {
    this.run({ type: 'tipster_wrote', kind, report, text, media }, now, (m) => ({
      ...m,
      ...this.withReport(report),
      files: media.length > 0 ? this.d.store.mediaInfo(media) : [],
      followupsLastHour: kind === 'followup' ? this.d.store.auditCount('followup%', now - HOUR, { report }) : 0,
    }));
  }

  /** Reports over their senders' hourly limit, gathered into a digest card once the oldest has waited long enough. */
  digest(now: number): number {
    return this.run({ type: 'digest' }, now, (m) => ({ ...m, reports: this.d.store.digestQueue(50) }));
  }

  /** Field dispatch on the clock: rings nobody answered, passed ETAs, reports nobody claimed. */
  fieldTick(now: number): number {
    return this.field.tick(now);
  }

  /** Closes reports nobody handled and incidents with no news; tells the groups of the latter. */
  expire(now: number): number {
    const s = this.d.network.settings;
    const due = this.d.store.expiring(now - s.expireIncidentAfterMs, now - s.expireReportAfterMs, 50);
    if (due.length > 0) this.run({ type: 'expire' }, now, (m) => ({ ...m, reports: due }));
    return due.length;
  }

  /**
   * The dispatcher settled an outbox row (sent, or dead after its retries). For an alert row, the
   * delivery is recorded and, once every group's row is settled, reported. Returns the rows written.
   */
  settled(dedupeKey: string, status: 'sent' | 'dead', attempts: number, now: number): number {
    const report = this.d.store.settleAlertTarget(dedupeKey, status, attempts);
    if (report === undefined) return 0;
    return this.run({ type: 'alert_settled', report }, now, (m) => ({
      ...m,
      ...this.withReport(report),
      targets: this.d.store.alertTargets(report),
    }));
  }

  /**
   * A command given on the web dashboard by the enrolled person `personId`: decided by the same
   * decider as in chat, under the person's stable id; the replies come back as text for the page.
   * Runs in its own transaction. Undefined when the person is no longer enrolled.
   */
  dashboardCommand(personId: string, parsed: ParsedCommand, lang: Lang, now: number): { replies: string[]; rows: number } | undefined {
    const person = this.d.network.roster.find((p) => p.id === personId);
    const first = person?.ids[0];
    if (!first) return undefined;
    const chat: CommandChat = { platform: first.platform, id: 'dashboard', kind: 'direct', role: 'dashboard', lang };
    const actor = this.actorOf(first.platform, first.id);
    return this.d.store.transaction(() => {
      const model = this.commandModel(emptyModel(this.d.network), actor, parsed, now);
      const events = decide({ type: 'command', chat, parsed }, model, { now, texts: this.d.texts });
      const rows = applyVerificationEvents(this.d, events, now);
      return { replies: events.flatMap((e) => (e.type === 'dashboard_reply' ? [e.text] : [])), rows };
    });
  }

  /** The report of this tipster with a question still open, if any. */
  openRelayFor(tipster: string, now: number): { report: number; lang: Lang } | undefined {
    return this.d.store.openRelayFor(tipster, now);
  }

  /** Loads the read model (base, then what `load` adds), decides and applies; returns the outbox rows written. */
  private run(input: VerificationInput, now: number, load: (base: ReadModel) => ReadModel): number {
    const model = load(emptyModel(this.d.network));
    const events: VerificationEvent[] = decide(input, model, { now, texts: this.d.texts });
    return applyVerificationEvents(this.d, events, now);
  }

  private command(msg: InboundMessage, chat: CommandChat, parsed: ParsedCommand, now: number): void {
    const actor = this.actorOf(msg.platform, msg.sender);
    this.run({ type: 'command', chat, parsed }, now, (m) => this.commandModel(m, actor, parsed, now));
  }

  /** Everything one command needs, read once. */
  private commandModel(base: ReadModel, actor: Actor, parsed: ParsedCommand, now: number): ReadModel {
    const { store, network } = this.d;
    const model: ReadModel = { ...base, actor };
    if (parsed.ok && parsed.command.name === 'going') {
      // Responders are not enrolled: their acknowledgement needs only the report and its count.
      const n = parsed.command.report;
      const report = store.getReport(n);
      return report ? { ...model, report, acks: { already: store.hasAck(n, actor.responderKey), count: store.ackCount(n) } } : model;
    }
    if (!actor.enrolled) {
      const since = now - network.settings.refusalWindowMs;
      return {
        ...model,
        refusals: {
          byActor: store.auditCount('refused:%', since, { actor: actor.id, detail: null }),
          total: store.auditCount('refused:%', since, { detail: null }),
        },
      };
    }
    if (!parsed.ok) return model;
    const command = parsed.command;
    if (command.name === 'status') return { ...model, reports: store.openReports(20) };
    if (command.name === 'dashboard') {
      const token = randomBytes(32).toString('base64url');
      return { ...model, login: { token, hash: tokenHash(token) } };
    }
    if (!('report' in command)) return model;
    const report = store.getReport(command.report);
    if (!report) return model;
    const n = report.number;
    switch (command.name) {
      case 'confirm':
        return {
          ...model,
          report,
          approvals: store.approvalsOf(n).map((id) => ({ id, keys: this.keysOf(id) })),
          incident: store.incidentOf(n),
          files: store.mediaInfo(report.mediaRefs),
        };
      case 'merge': {
        const target = store.getReport(command.into);
        if (!target) return { ...model, report };
        return { ...model, report, target, incident: [...store.incidentOf(target.number), ...store.incidentOf(n)] };
      }
      case 'reopen': {
        const target = report.incident !== undefined ? store.getReport(report.incident) : undefined;
        return { ...model, report, ...(target ? { target } : {}) };
      }
      default:
        return { ...model, report };
    }
  }

  private withReport(number: number): Partial<ReadModel> {
    const report = this.d.store.getReport(number);
    return report ? { report } : {};
  }

  /** The tipster pseudonyms of every id of the person with this stable id (none for someone no longer enrolled). */
  private keysOf(personId: string): string[] {
    const person = this.d.network.roster.find((p) => p.id === personId);
    return person ? person.ids.map((i) => this.d.vault.pseudonym(i.platform, i.id)) : [];
  }

  /** An enrolled person (matched on platform ids, never names), or a stranger known by pseudonym. */
  private actorOf(platform: Platform, sender: string): Actor {
    const { vault } = this.d;
    const person = this.people.get(`${platform}:${sender}`);
    const responderKey = vault.pseudonym(platform, `responder:${sender}`);
    if (!person) {
      const key = vault.pseudonym(platform, sender);
      return { id: `anon:${key}`, enrolled: false, keys: [key], responderKey };
    }
    return { id: person.id, enrolled: true, keys: person.ids.map((i) => vault.pseudonym(i.platform, i.id)), responderKey };
  }
}
