/**
 * The start of a conversation: what a first message is (a report, a rights question, thanks),
 * the fields it already carries, the safety notice, and the rights card for a tipster with
 * agents at their own door.
 */
import type { ExtractedTip, Keyword, Lang } from '../parse/types.js';
import { addMedia, assumeDetentionNow, emptyDraft, fillFromExtract, isRich } from './draft.js';
import { erase } from './lifecycle.js';
import { placeFromMessage } from './place.js';
import { MAX_TEXT, type Turn } from './turn.js';
import { classify, readTip, understandTip } from './understand.js';
import type { EngineInput, Part, Session } from './types.js';

export type MessageInput = Extract<EngineInput, { type: 'message' }>;

/** Notes that the tipster wrote: reminders count from here, bursts from the sending time. */
export function touch(t: Turn, s: Session): void {
  s.lastInboundAt = t.now;
  s.lastSentAt = t.at;
  s.reminded = false;
}

/**
 * A first message. A report starts only when something is reported (or the tipster greets
 * the line, which is how most reports open); thanks, a test, an emoji or a question about a
 * rumour get a short helpful answer, and a know-your-rights question gets the rights card and
 * the hotline at once.
 */
export function firstContact(t: Turn, msg: MessageInput, text: string, keyword: Keyword | undefined): void {
  const read = !keyword && text ? readTip(text, t.timeCtx) : undefined;
  const kind = read && msg.media.length === 0 && !msg.location ? classify(text, read) : 'report';
  if (kind !== 'report' && kind !== 'greeting' && kind !== 'other') {
    const lang = t.detect(text) ?? t.onlyLanguage() ?? t.defaultLang();
    t.s = idleSession(t, msg, lang);
    return answerNonReport(t, lang, kind);
  }
  start(t, msg, text, keyword, undefined, read);
}

/** A session that remembers the language (and the platform) but holds no report. */
export function idleSession(t: Turn, msg: MessageInput, lang: Lang): Session {
  return {
    v: 1,
    status: 'done',
    lang,
    step: 'urgent',
    history: [],
    draft: emptyDraft(),
    wrong: 0,
    startedAt: t.now,
    lastInboundAt: t.now,
    lastSentAt: t.at,
    reminded: false,
    reviewed: false,
    ...(msg.platform ? { platform: msg.platform } : {}),
  };
}

/** The short answers to messages that are not reports. */
export function answerNonReport(t: Turn, lang: Lang, kind: 'rights_question' | 'thanks' | 'test' | 'question'): void {
  const hotline = { hotline: t.env.settings.hotline };
  const parts: Record<typeof kind, Part[]> = {
    rights_question: [...t.rightsParts(), { key: 'intake.not_report.rights_more' }],
    thanks: [{ key: 'intake.done.welcome' }],
    test: [{ key: 'intake.not_report.test' }],
    question: [{ key: 'intake.not_report.question', params: hotline }],
  };
  t.say(lang, parts[kind]);
}

/** Starts a report. `read` is {@link readTip} of `text`, when the caller already read it. */
export function start(
  t: Turn,
  msg: MessageInput,
  text: string,
  keyword: Keyword | undefined,
  lang: Lang | undefined,
  read?: ExtractedTip,
): void {
  const s: Session = {
    v: 1,
    status: 'active',
    step: 'language',
    history: [],
    draft: emptyDraft(),
    wrong: 0,
    startedAt: t.at,
    lastInboundAt: t.now,
    lastSentAt: t.at,
    lastAnswer: { step: 'start', at: t.at, messageId: msg.messageId },
    reminded: false,
    reviewed: false,
  };
  if (lang) s.lang = lang;
  t.s = s;
  if (keyword === 'stop') return erase(t);
  const known = s.lang ?? t.detect(text) ?? t.keywordLang(text) ?? t.onlyLanguage();
  // A photo we could not use (a bomb, a truncated file, an unknown format) is said so first.
  const rejected = t.rejectedNote(msg.media);
  if (rejected.length > 0) t.say(known ?? t.defaultLang(), rejected);
  const atOwnDoor = !keyword && takeFirstMessage(t, s, msg, text, read);
  if (keyword === 'rights' || keyword === 'help') {
    t.say(known ?? t.defaultLang(), keyword === 'rights' ? t.rightsParts() : t.helpParts());
  }
  if (msg.platform !== undefined) s.platform = msg.platform;
  if (atOwnDoor) t.say(known ?? t.defaultLang(), [{ key: 'intake.own_door' }, { key: 'rights.card' }]);
  if (!known || keyword === 'language') return t.askLanguage(s);
  s.lang = known;
  welcome(t, s);
  t.proceed(s);
}

/** Prefills what a first free-form message already says; true when agents are at the sender's own door. */
function takeFirstMessage(t: Turn, s: Session, msg: MessageInput, text: string, read: ExtractedTip | undefined): boolean {
  addMedia(
    s.draft,
    msg.media.filter((m) => !m.problem),
  );
  if (msg.location) s.draft.location = { point: msg.location };
  if (!text) return false;
  const tip = understandTip(text, t.timeCtx, read);
  const filled = fillFromExtract(s.draft, tip);
  const onMap = s.draft.location ? undefined : placeFromMessage(t, text);
  if (onMap) s.draft.location = onMap;
  if (filled.length > 0 || onMap) s.draft.description = text.slice(0, MAX_TEXT);
  // Placed now, while the language may still be asked: a sure match only, no question yet.
  if (!onMap && s.draft.location?.place === undefined) t.lookUpPlace(s);
  return tip.atOwnDoor === true;
}

export function welcome(t: Turn, s: Session): void {
  const parts: Part[] = [{ key: 'intake.safety' }, { key: 'intake.hotline', params: { hotline: t.env.settings.hotline } }];
  if (s.platform === 'whatsapp' || s.platform === 'telegram') {
    const contact = t.env.settings.signalContact;
    parts.push(contact ? { key: 'intake.platform_notice_contact', params: { contact } } : { key: 'intake.platform_notice' });
  }
  t.say(t.langOf(s), parts);
  if (s.draft.urgent?.value === true) {
    t.urgentNotice(s);
    assumeDetentionNow(s.draft, s.startedAt);
  }
  if (isRich(t.flow, s.draft)) s.reviewed = true;
}
