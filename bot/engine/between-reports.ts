/**
 * After a report is sent: answers to the team's questions go to the verifiers, more news about
 * the same sighting ("siguen ahí, ahora se llevaron a alguien") is attached to that report for a
 * while, thanks and questions get a short answer, and a new sighting starts a new report.
 */
import { distanceMeters } from '../geo/zones.js';
import { normalize } from '../parse/index.js';
import type { Keyword, Lang, LocationField } from '../parse/types.js';
import { erase } from './lifecycle.js';
import { answerNonReport, start, touch, type MessageInput } from './opening.js';
import { MAX_TEXT, type Turn } from './turn.js';
import { classify, readTip, understandTip, type MessageKind } from './understand.js';
import type { Session } from './types.js';

/** Two places farther apart than this are different sightings. */
const SAME_PLACE_METERS = 500;

export function betweenReports(t: Turn, s: Session, msg: MessageInput, text: string, keyword: Keyword | undefined): void {
  const withinBurst = s.lastSentAt !== undefined && t.at - s.lastSentAt <= t.env.settings.burstMs;
  if (withinBurst && s.askedAt !== undefined && t.at < s.askedAt && !msg.media.length && !msg.location) {
    s.lastSentAt = t.at; // trailing words sent before the confirmation reached them ("sí", "gracias!")
    return;
  }
  touch(t, s);
  const lang = t.langOf(s);
  if (keyword === 'stop') return erase(t);
  if (keyword === 'rights' || keyword === 'help') {
    t.say(lang, [...(keyword === 'rights' ? t.rightsParts() : t.helpParts()), { key: 'intake.done.prompt' }]);
    return;
  }
  if (keyword === 'cancel' || keyword === 'back' || keyword === 'skip' || keyword === 'done') {
    t.say(lang, [{ key: 'intake.done.prompt' }]);
    return;
  }
  const read = !keyword && text ? readTip(text, t.timeCtx) : undefined;
  const kind: MessageKind = read && !msg.media.length && !msg.location ? classify(text, read) : 'report';
  if (kind === 'thanks' || kind === 'test' || kind === 'question' || kind === 'rights_question') return answerNonReport(t, lang, kind);
  if (kind !== 'greeting' && !keyword && followUp(t, s, msg, text)) return;
  // Anything else is a new sighting: start a new report in the same language.
  t.s = null;
  if (keyword === 'language') return start(t, msg, '', undefined, undefined);
  start(t, msg, text, undefined, s.lang, read);
}

/**
 * For a while after submitting, more news from the tipster is an update to that report (the
 * verifiers see it tagged with its number), unless it clearly names a different place.
 */
function followUp(t: Turn, s: Session, msg: MessageInput, text: string): boolean {
  const number = s.reportNumber;
  const sent = s.submitted;
  if (number === undefined || !sent) return false;
  if (t.now - sent.at > t.env.settings.followUpMs) return false;
  const tip = text ? understandTip(text, t.timeCtx) : undefined;
  const said = tip?.location;
  const place: LocationField | undefined = msg.location ? { ...said, point: msg.location } : said;
  if (place && sent.location && !samePlace(place, sent.location)) return false;
  const media = msg.media.filter((m) => !m.problem);
  const rejected = t.rejectedNote(msg.media);
  if (!text && media.length === 0 && !msg.location) {
    t.say(t.langOf(s), rejected);
    return true;
  }
  const words = [text, pinText(msg)].filter(Boolean).join('\n').slice(0, MAX_TEXT);
  t.events.push({ type: 'report_followup', report: number, text: words, media: media.map((m) => m.ref) });
  // News of a detention gets the hotline again, burst or not.
  // One thank-you per burst: news sent within the window of the last one was sent before it arrived.
  const detention = tip?.urgent === true;
  if (!detention && s.followUpAckAt !== undefined && t.at - s.followUpAckAt <= t.env.settings.burstMs) {
    if (rejected.length > 0) t.say(t.langOf(s), rejected);
    return true;
  }
  s.followUpAckAt = t.at;
  const hotline = { key: 'intake.hotline', params: { hotline: t.env.settings.hotline } };
  t.say(t.langOf(s), [...rejected, { key: 'intake.followup.sent', params: { number } }, ...(detention ? [hotline] : [])]);
  return true;
}

/** Whether two places are the same sighting: near pins, or the same words, streets or ZIP. */
function samePlace(a: LocationField, b: LocationField): boolean {
  if (a.point && b.point) return distanceMeters(a.point, b.point) <= SAME_PLACE_METERS;
  if (a.zip && b.zip && a.zip !== b.zip) return false;
  if (a.crossStreets && b.crossStreets) {
    const streets = (l: [string, string]) =>
      l
        .map((x) => normalize(x))
        .sort()
        .join('|');
    return streets(a.crossStreets) === streets(b.crossStreets);
  }
  const ta = normalize(a.text ?? '');
  const tb = normalize(b.text ?? '');
  if (!ta || !tb) return true;
  return ta.includes(tb) || tb.includes(ta);
}

/**
 * Between reports, while the team has an open question for this tipster, what they write goes
 * to the verifiers (tagged with the report number) instead of starting a new report.
 */
export function relay(t: Turn, s: Session | null, msg: MessageInput, text: string, open: { report: number; lang: Lang }): void {
  const media = msg.media.filter((m) => !m.problem);
  const rejected = t.rejectedNote(msg.media);
  const words = [text, pinText(msg)].filter(Boolean).join('\n').slice(0, MAX_TEXT);
  if (!words && media.length === 0) {
    // Only files we could not use: nothing for the team, but the tipster hears why.
    t.say(open.lang, rejected);
    return;
  }
  t.events.push({ type: 'relay_reply', report: open.report, text: words, media: media.map((m) => m.ref) });
  if (s) {
    touch(t, s);
    // One thank-you per burst: words sent within the window of the last one were sent before it arrived.
    if (s.relayAckAt !== undefined && t.at - s.relayAckAt <= t.env.settings.burstMs) {
      if (rejected.length > 0) t.say(open.lang, rejected);
      return;
    }
    s.relayAckAt = t.at;
  }
  t.say(open.lang, [...rejected, { key: 'relay.sent' }]);
}

/** A shared pin as words for the verifier chat (already rounded to privacy.pinDecimals). */
function pinText(msg: MessageInput): string {
  return msg.location ? `📍 ${msg.location.lat}, ${msg.location.lng}` : '';
}
