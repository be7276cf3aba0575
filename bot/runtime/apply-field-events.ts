/**
 * The roster and dispatch events of the verification decider, written as rows inside the
 * caller's transaction. Nothing is decided here.
 */
import type { DispatchStore, FieldEvent } from '../verification/dispatch-state.js';

export function applyFieldEvent(store: DispatchStore, e: FieldEvent, now: number): void {
  switch (e.type) {
    case 'duty_set':
      return store.setDuty(e.person, e.onUntil, e.offUntil, e.lang, now);
    case 'dispatch_started':
      return store.startDispatch(e.report, e.by, e.ring, now);
    case 'dispatch_patched':
      return store.patchDispatch(e.report, e.patch);
    case 'dispatch_pinged':
      return store.addPing(e.report, e.person, e.ring, now);
    case 'dispatch_answered':
      return store.answerPing(e.report, e.person, e.answer, now);
    case 'unclaimed_announced':
      return store.markAnnounced(e.report, now);
  }
}
