/**
 * The report from the scene: `/visto 1042 sí 6 agentes, 2 SUV`, `/seen 1042 no one there`, or a
 * short guided flow (`/visto` alone, or the ETA reminder, asks what they see; their next words
 * answer). A "yes" is an on-site confirmation: by default it stands for every approval the
 * network asks, and the alert goes out through the normal confirm path with its truthful
 * delivery report. A "nobody there" is shown to the desk with the time and, by default, closes
 * the report as not confirmed, so a rumour ends quickly. The field verifier never learns who
 * the tipster is. Pure: from the input and the read model to events.
 */
import { forDisplay } from '../privacy/sanitize.js';
import { confirm } from './decide-command.js';
import { DESK_RING } from './decide-dispatch.js';
import { toDesk, when } from './dispatch-out.js';
import { parseSiteReport } from './field-commands.js';
import type { CommandChat, FieldWriter, ReportView } from './model.js';
import { cleanedPhotos, type Out } from './out.js';
import { FORGET_TIPSTER, isOpen } from './rules.js';

export function decideSeen(o: Out, from: FieldWriter, report: ReportView | undefined, text: string | undefined, media: string[]): void {
  const { person, chat } = from;
  if (!report) return o.reply(chat, 'dispatch.seen_which');
  const n = report.number;
  if (media.length > 0) {
    // Photos from the scene (cleaned of metadata on arrival, like every photo) join the report and go to the desk.
    const photos = cleanedPhotos(o.model.files.filter((f) => media.includes(f.ref)));
    o.push({ type: 'media_attached', report: n, refs: media });
    toDesk(
      o,
      n,
      'dispatch.site_media',
      (lang) => o.t(lang, 'dispatch.site_media', { number: n, name: person.name, count: media.length }),
      undefined,
      photos,
    );
  }
  // Usually the one who said yes; anyone enrolled who is there may report (one went on their own).
  const d = o.model.field?.dispatch;
  if (d?.outcome) return o.reply(chat, 'dispatch.seen_already', { number: n });
  if (!d) o.push({ type: 'dispatch_started', report: n, by: person.id, ring: DESK_RING });
  if (!text) {
    o.push({
      type: 'dispatch_patched',
      report: n,
      patch: { awaiting: true, ...(d?.assigned ? {} : { assigned: person.id, acceptedAt: o.now }) },
    });
    return o.reply(chat, 'dispatch.seen_ask', { number: n });
  }
  const seen = parseSiteReport(text);
  if (!seen) {
    o.push({ type: 'dispatch_patched', report: n, patch: { awaiting: true } });
    return o.reply(chat, 'dispatch.seen_again', { number: n });
  }
  const f = o.net.field;
  const details = forDisplay(seen.details);
  o.push(
    {
      type: 'dispatch_patched',
      report: n,
      patch: { outcome: seen.seen, doneAt: o.now, awaiting: false, ...(d?.assigned ? {} : { assigned: person.id }) },
    },
    { type: 'audit', actor: person.id, action: `site_${seen.seen}`, report: n },
  );
  if (seen.seen === 'nobody') return nobody(o, chat, report, from.person.name, f.siteNobodyCloses);

  toDesk(o, n, 'dispatch.site_yes', (lang) =>
    o.t(lang, 'dispatch.site_yes', { number: n, name: person.name, time: when(o, o.now, lang), text: details || '—' }),
  );
  o.reply(chat, 'dispatch.thanks_yes', { number: n });
  // The confirm path, as the field verifier: own-tip check, truthful "alert goes to", delivery report.
  // Its reply goes to the verifier chat (the desk decides what happens next), or to them when there is none.
  const desk = o.net.verifierChats[0];
  const replyIn: CommandChat = desk
    ? { platform: desk.platform, id: desk.id, kind: 'group', role: 'verifiers', lang: o.langOf(desk) }
    : chat;
  // The alert's note says it was seen on site (in the desk's language, as a verifier's note is), never by whom.
  const note = [o.t(replyIn.lang, 'dispatch.site_note'), seen.details].filter(Boolean).join(' ');
  confirm(o, replyIn, { name: 'confirm', report: n, stale: true, note }, report, { standsForAll: f.siteYesConfirms });
}

/** Nobody there: the desk sees it with the time; by default the report closes as not confirmed and the tipster hears it was checked. */
function nobody(o: Out, chat: CommandChat, report: ReportView, name: string, closes: boolean): void {
  const n = report.number;
  const close = closes && isOpen(report.status);
  if (close) {
    o.push({ type: 'report_patched', report: n, patch: { status: 'rejected', note: 'nobody on site', closedAt: o.now } });
    o.push({ type: 'audit', actor: 'system', action: 'reject', report: n, detail: 'nobody on site' });
    o.toTipster(report, 'dispatch.tipster_checked', {}, `tipster:tipster.rejected:${n}`);
    o.push({ type: 'report_patched', report: n, patch: FORGET_TIPSTER });
  }
  const key = close ? 'dispatch.site_nobody_closed' : 'dispatch.site_nobody';
  toDesk(o, n, key, (lang) => o.t(lang, key, { number: n, name, time: when(o, o.now, lang) }));
  o.reply(chat, 'dispatch.thanks_nobody', { number: n, time: when(o, o.now, chat.lang) });
}
