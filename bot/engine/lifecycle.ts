/**
 * How a report ends: sent on YES, sent as incomplete (or dropped) when the tipster goes quiet,
 * erased on STOP; and the timers that remind, expire and forget.
 */
import { emptyDraft, mediaRefs, worthSubmitting } from './draft.js';
import type { Turn } from './turn.js';
import type { Session } from './types.js';

export function submit(t: Turn, s: Session, status: 'new' | 'incomplete'): void {
  const number = t.takeReportNumber();
  const lang = t.langOf(s);
  t.events.push({
    type: 'report_submitted',
    report: {
      number,
      status,
      urgent: s.draft.urgent?.value === true,
      lang,
      draft: s.draft,
      seenAt: s.draft.time?.at ?? s.startedAt,
      submittedAt: t.now,
    },
  });
  t.say(lang, [{ key: status === 'new' ? 'intake.submitted' : 'intake.expired_submitted', params: { number } }]);
  const location = s.draft.location;
  finish(s, number);
  s.submitted = location ? { at: t.now, location } : { at: t.now };
}

export function finish(s: Session, reportNumber?: number): void {
  s.status = 'done';
  s.draft = emptyDraft();
  s.history = [];
  s.step = 'urgent';
  s.wrong = 0;
  s.reviewed = false;
  s.returnTo = undefined;
  s.lastAnswer = undefined;
  s.askedAgain = undefined;
  s.reportNumber = reportNumber;
  s.submitted = undefined;
}

/** STOP: delete the draft and what was held, and say so. */
export function erase(t: Turn): void {
  const refs = t.s ? mediaRefs(t.s.draft) : [];
  const lang = t.s ? t.langOf(t.s) : t.defaultLang();
  if (refs.length) t.events.push({ type: 'media_discarded', refs });
  t.events.push({ type: 'tipster_erased' });
  t.say(lang, [{ key: 'privacy.erased' }]);
  t.s = null;
}

export function onTimer(t: Turn): void {
  const s = t.s;
  if (!s) return;
  const idle = t.now - s.lastInboundAt;
  if (s.status === 'done') {
    if (idle >= t.env.settings.doneRetentionMs) t.s = null;
    return;
  }
  if (idle >= t.env.settings.expireAfterMs) {
    if (worthSubmitting(s.draft)) return submit(t, s, 'incomplete');
    t.events.push({ type: 'media_discarded', refs: mediaRefs(s.draft) });
    t.say(t.langOf(s), [{ key: 'intake.expired_discarded' }]);
    finish(s);
    return;
  }
  if (!s.reminded && idle >= t.env.settings.remindAfterMs) {
    s.reminded = true;
    t.say(t.langOf(s), [{ key: 'intake.reminder' }]);
    t.reprompt(s, false);
  }
}
