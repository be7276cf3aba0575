/**
 * The roster and field dispatch in the runtime: tells which messages are roster or dispatch
 * input (`/on`, `/visto 1042 …`, a pinged volunteer's `si 10`), loads what the decider needs for
 * each once, decides and applies, in the caller's transaction. It decides nothing itself.
 */
import type { InboundMessage, Platform } from '../messages.js';
import { cleaningOf } from '../privacy/media.js';
import type { Vault } from '../privacy/vault.js';
import { parseCommand } from '../verification/commands.js';
import { decide } from '../verification/decide.js';
import type { DispatchStore } from '../verification/dispatch-state.js';
import { parseFieldCommand, parsePingAnswer } from '../verification/field-commands.js';
import {
  emptyField,
  emptyModel,
  type CommandChat,
  type FieldInput,
  type FieldModel,
  type Network,
  type ReadModel,
} from '../verification/model.js';
import type { RosterPerson } from '../verification/roster.js';
import type { VerificationStore } from '../verification/store-port.js';
import type { VerificationTexts } from '../verification/texts.js';
import { applyVerificationEvents } from './apply-events.js';
import type { RuntimeStore } from './store-port.js';

export interface FieldHostDeps {
  store: RuntimeStore & VerificationStore;
  field: DispatchStore;
  vault: Vault;
  texts: VerificationTexts;
  network: Network;
  /** Refs for photos sent from the scene. */
  newId: () => string;
}

/** A message found to be roster or dispatch input: run it with {@link FieldHost.run}. */
export interface FieldMessage {
  field: FieldInput;
}

export class FieldHost {
  private readonly people = new Map<string, RosterPerson>();

  constructor(private readonly d: FieldHostDeps) {
    for (const p of d.network.field.people) for (const id of p.ids) this.people.set(`${id.platform}:${id.id}`, p);
  }

  /** The roster or dispatch input a direct message is, or undefined (verifier commands and the intake take it). */
  direct(msg: InboundMessage): FieldMessage | undefined {
    const text = msg.text?.trim() ?? '';
    const person = this.people.get(`${msg.platform}:${msg.sender}`);
    if (!text) {
      // Photos alone from someone sent to look: they join the report, and the bot asks what they see.
      const open = person && msg.attachments.length > 0 ? this.d.field.openPingFor(person.id) : undefined;
      if (!person || !open) return undefined;
      return { field: { kind: 'seen', from: { person, chat: this.dmChat(msg, this.langOf(person)) }, report: open.report } };
    }
    const chat = (lang: CommandChat['lang']): CommandChat => ({
      platform: msg.platform,
      id: msg.chat.id,
      kind: 'direct',
      role: 'direct',
      lang,
    });
    const parsed = parseFieldCommand(text);
    if (parsed) {
      if (!person) {
        const name = parsed.ok ? parsed.command.name : parsed.name;
        return name === 'dispatch' || name === 'seen' ? { field: { kind: 'refused', chat: chat(parsed.lang), name } } : undefined;
      }
      return this.command(person, chat(parsed.lang), parsed);
    }
    if (!person?.field) return undefined;
    const open = this.d.field.openPingFor(person.id);
    if (!open) return undefined;
    const from = { person, chat: chat(this.langOf(person)) };
    // Asked what they see (guided report from the scene): their words are the report.
    if (open.assigned === person.id && open.awaiting && !text.startsWith('/'))
      return { field: { kind: 'seen', from, report: open.report, text } };
    // `/voy 1042 15` in a direct chat: a yes to that ping.
    const going = parseCommand(text);
    if (going?.ok && going.command.name === 'going') {
      const minutes = going.command.minutes;
      return {
        field: {
          kind: 'answer',
          from: { person, chat: chat(going.lang) },
          report: going.command.report,
          answer: { yes: true, ...(minutes !== undefined ? { minutes } : {}) },
        },
      };
    }
    const answer = parsePingAnswer(text);
    if (open.assigned !== person.id) return answer ? { field: { kind: 'answer', from, report: open.report, answer } } : undefined;
    // Already theirs: "10" moves the ETA, "no" gives it back; anything else is what they see there.
    // ("si 15", "voy 15", "15 min", "sí", "no", "no puedo": short; "sí, 6 agentes y 2 SUV" is a report).
    const short = text.split(/\s+/).length <= (answer?.minutes !== undefined ? 3 : 2) && !/,/.test(text);
    const bare = answer !== undefined && short;
    if (answer && bare) return { field: { kind: 'answer', from, report: open.report, answer } };
    if (text.startsWith('/')) return undefined;
    return { field: { kind: 'seen', from, report: open.report, text } };
  }

  /** A roster or dispatch command in a verifier chat, or undefined. */
  group(msg: InboundMessage, chat: CommandChat): FieldMessage | undefined {
    const parsed = msg.text ? parseFieldCommand(msg.text) : undefined;
    if (!parsed) return undefined;
    const person = this.people.get(`${msg.platform}:${msg.sender}`);
    const here = { ...chat, lang: parsed.lang };
    if (!person) {
      const name = parsed.ok ? parsed.command.name : parsed.name;
      // Reading the roster is harmless; changing anything is for enrolled people only.
      if (parsed.ok && name === 'roster') return { field: { kind: 'roster', chat: here } };
      return { field: { kind: 'refused', chat: here, name } };
    }
    return this.command(person, here, parsed);
  }

  private command(person: RosterPerson, chat: CommandChat, parsed: NonNullable<ReturnType<typeof parseFieldCommand>>): FieldMessage {
    if (!parsed.ok) return { field: { kind: 'usage', chat, name: parsed.name } };
    const c = parsed.command;
    const from = { person, chat };
    switch (c.name) {
      case 'on':
        return { field: { kind: 'duty', from, command: 'on', ...(c.hours !== undefined ? { hours: c.hours } : {}) } };
      case 'off':
      case 'shift':
        return { field: { kind: 'duty', from, command: c.name } };
      case 'roster':
        return { field: { kind: 'roster', chat } };
      case 'dispatch':
        return { field: { kind: 'dispatch', chat, report: c.report } };
      case 'seen': {
        const report = c.report ?? (this.d.field.assignmentOf(person.id) ?? this.d.field.openPingFor(person.id))?.report;
        return { field: { kind: 'seen', from, ...(report !== undefined ? { report } : {}), ...(c.text ? { text: c.text } : {}) } };
      }
    }
  }

  /** Loads what `input` needs, decides and applies; returns the outbox rows written. */
  run(msg: InboundMessage | undefined, given: FieldInput, now: number): number {
    const input = msg && given.kind === 'seen' ? this.holdPhotos(msg, given, now) : given;
    const model = this.load(emptyModel(this.d.network), msg, input, now);
    return applyVerificationEvents(this.d, decide({ type: 'field', input }, model, { now, texts: this.d.texts }), now);
  }

  /** The clock: rings nobody answered, passed ETAs, reports nobody claimed. */
  tick(now: number): number {
    const before = now - this.d.network.field.unclaimedMs;
    const unclaimed = this.d.field.unclaimedReports(before, 20);
    const active = this.d.field.activeDispatches(50);
    if (unclaimed.length === 0 && active.length === 0) return 0;
    return this.run(undefined, { kind: 'tick' }, now);
  }

  /** The roster part of a read model for a submitted report (after hours, urgent dispatch). */
  forSubmitted(): FieldModel {
    return { ...emptyField(), availability: this.d.field.availability() };
  }

  private load(base: ReadModel, msg: { platform: Platform; sender: string } | undefined, input: FieldInput, now: number): ReadModel {
    const { store, field } = this.d;
    const availability = field.availability();
    const withReport = (n: number | undefined): ReadModel => {
      const report = n !== undefined ? store.getReport(n) : undefined;
      const dispatch = n !== undefined ? field.dispatchOf(n) : undefined;
      return { ...base, ...(report ? { report } : {}), field: { ...emptyField(), availability, ...(dispatch ? { dispatch } : {}) } };
    };
    switch (input.kind) {
      case 'duty':
      case 'usage':
        return { ...base, field: { ...emptyField(), availability } };
      case 'roster':
      case 'tick': {
        const active = field.activeDispatches(50).flatMap((dispatch) => {
          const report = store.getReport(dispatch.report);
          return report ? [{ dispatch, report }] : [];
        });
        const unclaimed =
          input.kind === 'tick'
            ? field.unclaimedReports(now - this.d.network.field.unclaimedMs, 20).flatMap((n) => store.getReport(n) ?? [])
            : [];
        return { ...base, field: { availability, active, unclaimed } };
      }
      case 'dispatch':
        return { ...withReport(input.report), ...(msg ? { actor: this.actorOf(msg.platform, msg.sender) } : {}) };
      case 'answer':
        return withReport(input.report);
      case 'seen': {
        const model = withReport(input.report);
        const report = model.report;
        if (!report || !msg) return model;
        return {
          ...model,
          actor: this.actorOf(msg.platform, msg.sender),
          approvals: store.approvalsOf(report.number).map((id) => ({ id, keys: this.keysOf(id) })),
          incident: store.incidentOf(report.number),
          files: store.mediaInfo([...report.mediaRefs, ...(input.media ?? [])]),
        };
      }
      case 'refused': {
        const actor = msg ? this.actorOf(msg.platform, msg.sender) : undefined;
        const since = now - this.d.network.settings.refusalWindowMs;
        return {
          ...base,
          ...(actor ? { actor } : {}),
          refusals: {
            byActor: actor ? store.auditCount('refused:%', since, { actor: actor.id, detail: null }) : 0,
            total: store.auditCount('refused:%', since, { detail: null }),
          },
        };
      }
    }
  }

  private dmChat(msg: InboundMessage, lang: CommandChat['lang']): CommandChat {
    return { platform: msg.platform, id: msg.chat.id, kind: 'direct', role: 'direct', lang };
  }

  /** Holds the cleaned photos of a report from the scene (re-encoded without metadata on arrival); anything else is not kept. */
  private holdPhotos(msg: InboundMessage, input: Extract<FieldInput, { kind: 'seen' }>, now: number): FieldInput {
    if (input.report === undefined || msg.attachments.length === 0 || !this.d.store.getReport(input.report)) return input;
    const owner = this.d.vault.pseudonym(msg.platform, msg.sender);
    const refs: string[] = [];
    for (const a of msg.attachments) {
      if (a.kind !== 'image' || !a.data || !cleaningOf(a).cleaned) continue;
      const ref = this.d.newId();
      this.d.store.holdMedia({ ref, tipster: owner, kind: a.kind, mime: a.mime, bytes: a.data, cleaned: true }, now);
      refs.push(ref);
    }
    return refs.length > 0 ? { ...input, media: refs } : input;
  }

  private langOf(person: RosterPerson): CommandChat['lang'] {
    return this.d.field.availability().find((a) => a.person === person.id)?.lang ?? person.language ?? this.d.network.defaultLang;
  }

  private keysOf(personId: string): string[] {
    const person = this.d.network.field.people.find((p) => p.id === personId) ?? this.d.network.roster.find((p) => p.id === personId);
    return person ? person.ids.map((i) => this.d.vault.pseudonym(i.platform, i.id)) : [];
  }

  /** A roster person as a verification actor (their approval is theirs, matched on every id), or a stranger. */
  private actorOf(platform: Platform, sender: string) {
    const person = this.people.get(`${platform}:${sender}`);
    const responderKey = this.d.vault.pseudonym(platform, `responder:${sender}`);
    if (!person) {
      const key = this.d.vault.pseudonym(platform, sender);
      return { id: `anon:${key}`, enrolled: false, keys: [key], responderKey };
    }
    return { id: person.id, enrolled: true, keys: person.ids.map((i) => this.d.vault.pseudonym(i.platform, i.id)), responderKey };
  }
}
