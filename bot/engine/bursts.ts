/**
 * Several quick messages, corrections and edits. People type in bursts ("agents in the parking
 * lot" / "of the Home Depot" / "on Soto St"), correct themselves ("3" / "no espera, 4") and edit
 * what they sent. Burst windows are measured on the platform's timestamps, and a message sent
 * after the bot asked its last question is an answer to that question, never folded into the
 * previous one: everything a tipster sends is either answered or visibly taken.
 */
import { isChoiceAnswer, readAnswer } from './answers.js';
import { alsoFill, detentionNow } from './answering.js';
import { addMedia, isAnswered } from './draft.js';
import type { MessageInput } from './opening.js';
import { MAX_TEXT, type Turn } from './turn.js';
import { correctionOf, placeProblem } from './understand.js';
import type { MediaItem, Session } from './types.js';

/**
 * Whether a message joins the answer just given: it was sent within the burst window of the
 * previous one and before the bot's last reply (both on the bot's clock, see sender-clock.ts),
 * so the tipster had not seen that reply and the reply stands for the whole burst. Anything
 * sent after the reply is answered on its own, a lone photo or pin too; the one exception is a
 * batch of photos (one message per photo on WhatsApp and Telegram): a photo within the burst
 * window of the previous photo joins it, so the batch gets one "received". A numbered choice
 * never joins (a quick tap is a real answer).
 */
export function isBurst(t: Turn, s: Session, text: string): boolean {
  if (!s.lastAnswer) return false;
  const previous = s.lastSentAt ?? s.lastInboundAt;
  const burstMs = t.env.settings.burstMs;
  if (t.at - previous > burstMs) return false;
  const batchOfPhotos = !text && s.photosAt !== undefined && s.photosAt === previous;
  if (s.askedAt !== undefined && t.at >= s.askedAt && !batchOfPhotos) return false;
  if (!text) return true;
  if (s.step === 'review' || s.step === 'language' || s.step === 'place') return false;
  return !isChoiceAnswer(t.stepOf(s.step), text);
}

/**
 * Folds a burst message into the answer it follows (a correction replaces it instead). The
 * burst gets one reply: the question already asked stands, unless the burst answered it, and
 * then the next question is asked.
 */
export function mergeBurst(t: Turn, s: Session, msg: MessageInput, text: string, media: MediaItem[]): void {
  const wasUrgent = s.draft.urgent?.value === true;
  addMedia(s.draft, media);
  if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
  if (text) {
    const last = s.lastAnswer?.step;
    const step = last && last !== 'start' ? t.stepOf(last) : undefined;
    if (step && step.answer !== 'media') {
      const correction = correctionOf(text);
      const previous = s.draft[step.id];
      const prevText = previous && typeof previous === 'object' && 'text' in previous ? (previous.text ?? '') : '';
      const words = correction ?? (step.answer === 'yesno' ? '' : `${prevText} ${text}`.trim().slice(0, MAX_TEXT));
      const usable = words && !(step.answer === 'location' && placeProblem(words));
      const patch = usable ? readAnswer(step, { text: words }, t.timeCtx) : undefined;
      if (patch) Object.assign(s.draft, patch);
    }
    if (last === 'start') s.draft.description = `${s.draft.description ?? ''}\n${text}`.trim().slice(0, MAX_TEXT);
    alsoFill(t, s, text);
  }
  const nowUrgent = s.draft.urgent?.value === true && !wasUrgent;
  if (nowUrgent) detentionNow(t, s);
  const photosAnswered = media.length > 0 && s.step === 'extras';
  if (nowUrgent || openQuestionAnswered(t, s, media.length > 0)) {
    t.proceed(s, photosAnswered ? [{ key: 'intake.media.received', params: { count: s.draft.media?.items.length ?? 0 } }] : []);
  }
}

/** Whether what the burst added answers the question that is open now. */
function openQuestionAnswered(t: Turn, s: Session, gotMedia: boolean): boolean {
  if (s.step === 'review' || s.step === 'language' || s.step === 'place') return false;
  if (s.step === 'extras') {
    if (!gotMedia && !(t.flow.together?.fields ?? []).some((f) => s.draft[f] !== undefined)) return false;
    for (const f of t.flow.together?.fields ?? []) if (s.draft[f] === undefined && !s.draft.skipped.includes(f)) s.draft.skipped.push(f);
    return true;
  }
  return isAnswered(s.draft, s.step);
}

/**
 * A correction of the previous answer sent after the next question ("no espera, 4"): the
 * answer is replaced, the tipster is told, and the open question stands. False when the words
 * do not fit the previous question (then they are taken as an answer to the open one).
 */
export function correct(t: Turn, s: Session, words: string): boolean {
  const last = s.lastAnswer?.step;
  const step = last && last !== 'start' ? t.stepOf(last) : undefined;
  if (!step || step.answer === 'media' || step.id === s.step) return false;
  if (step.answer === 'location' && placeProblem(words)) return false;
  const patch = readAnswer(step, { text: words }, t.timeCtx);
  if (!patch) return false;
  const wasUrgent = s.draft.urgent?.value === true;
  Object.assign(s.draft, patch);
  s.draft.skipped = s.draft.skipped.filter((f) => f !== step.id);
  const note = [{ key: 'intake.corrected', params: { field: { key: step.label } } }];
  if (s.draft.urgent?.value === true && !wasUrgent) {
    detentionNow(t, s);
    t.proceed(s, note);
  } else t.reprompt(s, false, note);
  return true;
}

/** An edit of the tipster's latest answer replaces it, quietly. */
export function onEdit(t: Turn, s: Session, msg: MessageInput, text: string): void {
  const last = s.lastAnswer;
  if (!last || last.messageId !== msg.editOf || last.step === 'start' || !text) return;
  const step = t.stepOf(last.step);
  if (!step || step.answer === 'media') return;
  const patch = readAnswer(step, { text }, t.timeCtx);
  if (!patch) return;
  Object.assign(s.draft, patch);
  if (s.step === 'review') t.ask(s, 'review');
}
