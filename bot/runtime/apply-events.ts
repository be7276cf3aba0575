/**
 * The apply layer: the events of both deciders (the intake engine's and verification's) become
 * rows here, inside the caller's transaction. Nothing is decided: each event is one small
 * handler, and every message goes out through the one outbox-row module.
 */
import type { EngineEvent } from '../engine/types.js';
import type { Renderer } from '../i18n/render.js';
import { outboxRow } from '../outbox-row.js';
import type { Vault } from '../privacy/vault.js';
import type { VerificationEvent } from '../verification/events.js';
import type { DispatchStore } from '../verification/dispatch-state.js';
import type { VerificationStore } from '../verification/store-port.js';
import { applyFieldEvent } from './apply-field-events.js';
import type { Recipient, RuntimeStore, StoredSession } from './store-port.js';

export interface ApplyDeps {
  store: RuntimeStore & VerificationStore;
  vault: Vault;
  /** The roster and field dispatch (absent: their events are not expected). */
  field?: DispatchStore;
}

/** Writes verification's events; returns how many outbox rows were written. */
export function applyVerificationEvents(d: ApplyDeps, events: readonly VerificationEvent[], now: number): number {
  let rows = 0;
  const { store } = d;
  for (const e of events) {
    switch (e.type) {
      case 'send': {
        const payload = {
          text: e.text,
          ...(e.replyToKey !== undefined ? { replyToKey: e.replyToKey } : {}),
          ...(e.mediaRefs?.length ? { mediaRefs: e.mediaRefs } : {}),
          ...(e.uncleanedRefs?.length ? { uncleanedRefs: e.uncleanedRefs } : {}),
        };
        if (
          store.enqueue(
            outboxRow(d.vault, e.to, payload, {
              lane: e.lane,
              ...(e.dedupeKey !== undefined ? { dedupeKey: e.dedupeKey } : {}),
              ...(e.oneOff !== undefined ? { oneOff: e.oneOff } : {}),
            }),
            now,
          )
        )
          rows += 1;
        break;
      }
      case 'report_stored':
        store.insertReport({
          report: e.report,
          platform: e.platform,
          tipster: e.tipster,
          mediaRefs: e.mediaRefs,
          zones: e.zones,
          replyAddress: e.replyAddress,
          ...(e.point ? { point: e.point } : {}),
        });
        break;
      case 'report_patched':
        store.patchReport(e.report, e.patch);
        break;
      case 'approval_added':
        store.addApproval(e.report, e.verifier, now);
        break;
      case 'audit':
        store.audit({
          at: now,
          actor: e.actor,
          action: e.action,
          ...(e.report !== undefined ? { report: e.report } : {}),
          ...(e.detail !== undefined ? { detail: e.detail } : {}),
        });
        break;
      case 'sender_blocked':
        store.setBlocked(e.tipster, e.blocked, e.by, e.report, now);
        break;
      case 'ack_added':
        store.addAck(e.report, e.responder, now, e.etaAt);
        break;
      case 'alert_queued':
        store.addAlertTarget({ dedupeKey: e.dedupeKey, report: e.report, chat: e.chat });
        break;
      case 'media_attached':
        store.attachMedia(e.refs, e.report);
        break;
      case 'duty_set':
      case 'dispatch_started':
      case 'dispatch_patched':
      case 'dispatch_pinged':
      case 'dispatch_answered':
      case 'unclaimed_announced':
        if (!d.field) throw new Error('a roster or dispatch event needs the dispatch store');
        applyFieldEvent(d.field, e, now);
        break;
      case 'dashboard_login':
        store.addDashboardLogin({ tokenHash: e.tokenHash, person: e.person, expiresAt: e.expiresAt }, now);
        break;
      case 'dashboard_reply':
        break; // shown on the page by whoever asked (VerificationHost.dashboardCommand)
    }
  }
  return rows;
}

/** Where verification takes the intake events that concern it. */
export interface IntakeToVerification {
  submitted(event: Extract<EngineEvent, { type: 'report_submitted' }>, who: Omit<StoredSession, 'session'>, now: number): void;
  tipsterWrote(kind: 'answer' | 'followup', report: number, text: string, media: string[], now: number): void;
}

/** Writes one intake event: replies to the tipster, files dropped, erasure; reports and relays go to verification. */
export function applyIntakeEvent(
  d: ApplyDeps & { renderer: Renderer; verification: IntakeToVerification },
  event: EngineEvent,
  who: Recipient,
  now: number,
): void {
  const { store } = d;
  switch (event.type) {
    case 'reply': {
      const to = { type: 'tipster', platform: who.platform, key: who.key, address: who.address } as const;
      store.enqueue(outboxRow(d.vault, who.chat ? { ...to, chat: who.chat } : to, d.renderer.reply(event)), now);
      return;
    }
    case 'report_submitted':
      d.verification.submitted(event, who, now);
      return;
    case 'relay_reply':
      d.verification.tipsterWrote('answer', event.report, event.text, event.media, now);
      return;
    case 'report_followup':
      d.verification.tipsterWrote('followup', event.report, event.text, event.media, now);
      return;
    case 'media_discarded':
      store.discardMedia(event.refs);
      return;
    case 'tipster_erased':
      store.eraseTipster(who.key);
      return;
  }
}
