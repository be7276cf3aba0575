/**
 * Taking an answer to the open question: the language menu, a field's question, the one
 * "anything else?" question, and the review. An answer fills every field it covers ("3 trocas
 * en la calle 4" answers how many and where), a place nobody could drive to is asked for again,
 * and a wrong answer gets the question again with an example.
 */
import type { FlowStep } from '../flows/flow.js';
import { isNothingMore, normalize, parseYesNo } from '../parse/index.js';
import type { Keyword, SizeField } from '../parse/types.js';
import { isDontKnow, rawAnswer, readAnswer, readLanguage } from './answers.js';
import { addMedia, assumeDetentionNow, fillFromExtract } from './draft.js';
import { submit } from './lifecycle.js';
import { welcome, type MessageInput } from './opening.js';
import { answerPlace, mapKnows } from './place.js';
import { MAX_TEXT, type Turn } from './turn.js';
import { isSpecificPlace, placeProblem, understandTip } from './understand.js';
import type { MediaItem, Session } from './types.js';

export function answer(t: Turn, s: Session, msg: MessageInput, text: string, media: MediaItem[], keyword: Keyword | undefined): void {
  const lang = t.langOf(s);
  if (s.step === 'language') {
    addMedia(s.draft, media);
    if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
    if (!text) {
      // A photo or pin before choosing a language is kept and said so; it is not a wrong choice.
      const got =
        media.length > 0
          ? { key: 'intake.media.received', params: { count: s.draft.media?.items.length ?? 0 } }
          : { key: 'intake.location.pin_received' };
      t.say(lang, [got]);
      return t.askLanguage(s);
    }
    const chosen = readLanguage(text, t.env.settings.languages) ?? t.detect(text);
    if (chosen && t.env.settings.languages.includes(chosen)) {
      s.lang = chosen;
      return afterLanguage(t, s);
    }
    return wrongAnswer(t, s, () => {
      s.lang = t.defaultLang();
      afterLanguage(t, s);
    });
  }
  if (s.step === 'review') {
    addMedia(s.draft, media);
    if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
    if ((media.length > 0 || msg.location) && !text) return t.ask(s, 'review');
    return answerReview(t, s, text);
  }
  if (s.step === 'extras') return answerTogether(t, s, msg, text, media, keyword);
  if (s.step === 'place') {
    addMedia(s.draft, media);
    if (msg.location && s.draft.location) s.draft.location = { ...s.draft.location, point: msg.location };
    return answerPlace(t, s, text);
  }
  const step = t.stepOf(s.step);
  if (!step) return t.ask(s, 'review');

  if (step.answer === 'media') {
    if (media.length > 0) {
      addMedia(s.draft, media);
      t.say(lang, [{ key: 'intake.media.received', params: { count: s.draft.media?.items.length ?? 0 } }]);
      return accept(t, s, step, msg.messageId);
    }
    if (keyword === 'done' || parseYesNo(text) === false) {
      if (!s.draft.media) s.draft.skipped.push('media');
      return accept(t, s, step, msg.messageId);
    }
    if (msg.location && !text) return pinElsewhere(t, s, msg);
    return wrongAnswer(t, s, () => {
      if (!s.draft.media && !s.draft.skipped.includes('media')) s.draft.skipped.push('media');
      accept(t, s, step, msg.messageId);
    });
  }

  // A photo (or pin) sent while another question is open is kept, and the question stands.
  if (!text && (media.length > 0 || msg.location)) {
    addMedia(s.draft, media);
    if (step.answer === 'location' && msg.location) {
      s.draft.location = { point: msg.location };
      return accept(t, s, step, msg.messageId);
    }
    if (msg.location) return pinElsewhere(t, s, msg);
    t.say(lang, [{ key: 'intake.media.received', params: { count: s.draft.media?.items.length ?? 0 } }]);
    return t.reprompt(s, false);
  }
  addMedia(s.draft, media);
  if (msg.location && step.answer !== 'location') s.draft.location = { ...s.draft.location, point: msg.location };

  if (step.answer === 'location' && !msg.location) {
    if (isDontKnow(text)) return placeNotGiven(t, s);
    const problem = placeProblem(text);
    if (problem === 'vague' && mapKnows(t, text)) {
      s.draft.location = { text: text.slice(0, MAX_TEXT) };
      s.draft.skipped = s.draft.skipped.filter((f) => f !== 'location');
      return accept(t, s, step, msg.messageId);
    }
    if (problem) return placeNotGiven(t, s, problem);
  }
  const patch = readAnswer(step, msg.location ? { text, location: msg.location } : { text }, t.timeCtx);
  if (!patch) {
    // Not an answer to this question, but news about others ("hay 3 en 1st y Soto" to the
    // triage question): take it, and ask again without "I didn't understand".
    const wasUrgent = s.draft.urgent?.value === true;
    if (fillFromExtract(s.draft, understandTip(text, t.timeCtx)).length > 0) {
      if (s.draft.urgent?.value === true && !wasUrgent) detentionNow(t, s);
      return t.proceed(s, [{ key: 'intake.noted' }]);
    }
    return wrongAnswer(t, s, () => {
      Object.assign(s.draft, rawAnswer(step, text));
      t.say(lang, [{ key: 'intake.moving_on' }]);
      accept(t, s, step, msg.messageId);
    });
  }
  const wasUrgent = s.draft.urgent?.value === true;
  Object.assign(s.draft, patch);
  s.draft.skipped = s.draft.skipped.filter((f) => f !== step.id);
  alsoFill(t, s, text);
  if (s.draft.urgent?.value === true && !wasUrgent) detentionNow(t, s);
  accept(t, s, step, msg.messageId);
}

/**
 * Fills the other empty fields an answer also covers: "3 trocas, en la calle 4 y Soto" given
 * for how many also says where. A place nobody could drive to is not taken.
 */
export function alsoFill(t: Turn, s: Session, text: string): void {
  const tip = understandTip(text, t.timeCtx);
  if (!isSpecificPlace(tip.location)) delete tip.location;
  fillFromExtract(s.draft, tip);
}

/**
 * Someone is being detained right now: the hotline at once, and what is happening and when
 * are known (an arrest, now), so those questions are not asked; the review shows them.
 */
export function detentionNow(t: Turn, s: Session): void {
  t.urgentNotice(s);
  assumeDetentionNow(s.draft, t.at);
}

/**
 * The one "anything else?" answer: photos, uniforms, vehicles, plates, in any mix. What the
 * words do not fit goes with the tipster's message for the verifiers; a no moves on.
 */
function answerTogether(t: Turn, s: Session, msg: MessageInput, text: string, media: MediaItem[], keyword: Keyword | undefined): void {
  addMedia(s.draft, media);
  if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
  if (media.length > 0) t.say(t.langOf(s), [{ key: 'intake.media.received', params: { count: s.draft.media?.items.length ?? 0 } }]);
  const nothing = keyword === 'done' || parseYesNo(text) === false || isDontKnow(text) || isNothingMore(text);
  if (text && !nothing) {
    const tip = understandTip(text, t.timeCtx);
    const counted = addCounts(s, tip.size);
    const filled = fillFromExtract(s.draft, tip);
    if (!counted && !filled.some((f) => t.flow.together?.fields.includes(f))) {
      s.draft.description = `${s.draft.description ?? ''}\n${text}`.trim().slice(0, MAX_TEXT);
    }
  }
  skipTogether(t, s);
}

/** Counts the draft lacks ("2 agentes" after "desde un carro" gave one vehicle); true when any was added. */
function addCounts(s: Session, size: SizeField | undefined): boolean {
  const have = s.draft.size;
  if (!size || !have) return false;
  const agents = have.agents === undefined ? size.agents : undefined;
  const vehicles = have.vehicles === undefined ? size.vehicles : undefined;
  if (agents === undefined && vehicles === undefined) return false;
  s.draft.size = {
    ...have,
    text: `${have.text}; ${size.text}`,
    ...(agents !== undefined ? { agents } : {}),
    ...(vehicles !== undefined ? { vehicles } : {}),
  };
  return true;
}

function pinElsewhere(t: Turn, s: Session, msg: MessageInput): void {
  if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
  t.say(t.langOf(s), [{ key: 'intake.location.pin_received' }]);
  t.reprompt(s, false);
}

export function accept(t: Turn, s: Session, step: FlowStep, messageId: string): void {
  s.lastAnswer = { step: step.id, at: t.at, messageId };
  t.proceed(s);
}

function answerReview(t: Turn, s: Session, text: string): void {
  const yes = parseYesNo(text);
  if (yes === true || normalize(text) === 'enviar' || normalize(text) === 'send') return submit(t, s, 'new');
  const n = Number.parseInt(normalize(text), 10);
  if (String(n) === normalize(text) && n >= 1 && n <= t.flow.steps.length) {
    const target = t.flow.steps[n - 1];
    if (target) return t.ask(s, target.id);
  }
  if (yes === false) {
    t.say(t.langOf(s), [{ key: 'intake.review.how_to_change' }]);
    return;
  }
  s.wrong += 1;
  t.say(t.langOf(s), [{ key: 'intake.review.instructions', params: { max: t.flow.steps.length } }]);
}

function wrongAnswer(t: Turn, s: Session, giveUp: () => void): void {
  s.wrong += 1;
  if (s.wrong >= t.env.settings.maxWrongAnswers) {
    s.wrong = 0;
    return giveUp();
  }
  const step = t.stepOf(s.step);
  if (s.step === 'language') return t.askLanguage(s);
  if (!step) return;
  t.say(t.langOf(s), [{ key: 'intake.retry', params: { example: { key: step.example } } }, { key: step.prompt }], step.choices);
}

export function afterLanguage(t: Turn, s: Session): void {
  const back = s.returnTo;
  s.returnTo = undefined;
  s.wrong = 0;
  if (back !== undefined) {
    t.say(t.langOf(s), [{ key: 'language.set' }]);
    return t.ask(s, back);
  }
  welcome(t, s);
  t.proceed(s);
}

/** Marks every optional field asked together as skipped when it holds nothing. */
export function skipTogether(t: Turn, s: Session): void {
  for (const f of t.flow.together?.fields ?? []) {
    if (s.draft[f] === undefined && !s.draft.skipped.includes(f)) s.draft.skipped.push(f);
  }
  s.lastAnswer = { step: 'extras', at: t.at };
  t.proceed(s);
}

/**
 * Where cannot be skipped silently: the first time, the question comes again, kindly, with an
 * example of what helps; after that the report goes on without a place and the card says so.
 */
export function placeNotGiven(t: Turn, s: Session, problem?: 'vague' | 'phone'): void {
  const lang = t.langOf(s);
  if (!t.askedAgain(s, 'location')) {
    t.say(lang, [{ key: problem === 'phone' ? 'intake.location.phone' : 'intake.location.again' }]);
    return;
  }
  if (!s.draft.skipped.includes('location')) s.draft.skipped.push('location');
  s.lastAnswer = { step: 'location', at: t.at };
  t.proceed(s, [{ key: 'intake.location.missing' }]);
}
