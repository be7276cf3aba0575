/**
 * Verification on the clock and after sending: quiet incidents and unhandled reports expire, and
 * once every group's alert row is settled (sent, or dead after its retries) the verifier chats
 * are told the true delivery, and the tipster hears "alerted" only if a group really got it.
 */
import type { Out } from './out.js';
import { chatId } from './out.js';
import { FORGET_TIPSTER } from './rules.js';

/** One summary per alert, once all its rows are settled: "Alert #1042: Lado Este ✓, Boyle Heights ✗ failed after 8 tries". */
export function decideDelivery(o: Out): void {
  const report = o.model.report;
  const targets = o.model.targets;
  if (!report || targets.length === 0 || targets.some((t) => t.status === 'pending')) return;
  const n = report.number;
  const anySent = targets.some((t) => t.status === 'sent');
  o.toVerifiers(
    'verify.delivery',
    (lang) => {
      const groups = o.net.responderGroups.filter((g) => targets.some((t) => t.chat === chatId(g)));
      const names = new Map(groups.map((g, i) => [chatId(g), o.groupNames(groups, lang)[i] ?? g.id]));
      const results = targets.map((t) => ({ name: names.get(t.chat) ?? t.chat, sent: t.status === 'sent', attempts: t.attempts }));
      return o.env.texts.delivery(n, results, lang);
    },
    { dedupe: `delivery:${n}` },
  );
  o.push({
    type: 'audit',
    actor: 'system',
    action: anySent ? 'alert_delivered' : 'alert_failed',
    report: n,
    detail: targets.map((t) => `${t.chat}=${t.status}`).join(','),
  });
  o.toTipster(report, anySent ? 'tipster.confirmed' : 'tipster.confirmed_quiet', {}, `tipster:tipster.confirmed:${n}`);
}

/** Closes reports nobody handled and incidents with no news; the groups of the latter are told. */
export function decideExpiry(o: Out): void {
  for (const report of o.model.reports) {
    const n = report.number;
    o.push(
      { type: 'report_patched', report: n, patch: { status: 'expired', closedAt: o.now, ...FORGET_TIPSTER, digest: false } },
      { type: 'audit', actor: 'system', action: 'expire', report: n },
    );
    if (report.status === 'confirmed') {
      o.toGroups(n, o.groupsFor(report.zones), 'alert.expired', (lang) => o.env.texts.expired(n, lang), `expired:${n}:0`);
    }
  }
}
