/**
 * The conversation engine: a pure, synchronous step function.
 *
 *   step(flow, session, input, env) -> { session, events }
 *
 * No I/O, no clock, no randomness: the instant and the report-number source come in through
 * `env`, the message's sending time through its platform timestamp; what should happen
 * (replies, a submitted report, data to delete) comes out as events that the runtime applies
 * inside one transaction. This file routes a message; the answers, bursts, life after a
 * report and timers each live in their own file.
 */
import type { Flow } from '../flows/flow.js';
import { parseKeyword } from '../parse/index.js';
import type { Keyword } from '../parse/types.js';
import { coarsenText, roundPoint } from '../privacy/pin-precision.js';
import { afterLanguage, answer, placeNotGiven, skipTogether } from './answering.js';
import { betweenReports, relay } from './between-reports.js';
import { correct, isBurst, mergeBurst, onEdit } from './bursts.js';
import { mediaRefs } from './draft.js';
import { leavePlace } from './place.js';
import { erase, onTimer } from './lifecycle.js';
import { firstContact, touch, type MessageInput } from './opening.js';
import { MAX_TEXT, Turn } from './turn.js';
import { correctionOf } from './understand.js';
import type { EngineEnv, EngineInput, Session, StepResult } from './types.js';

export { MAX_TEXT };

export function step(flow: Flow, session: Session | null, input: EngineInput, env: EngineEnv): StepResult {
  return stepInPlace(flow, session ? structuredClone(session) : null, input, env);
}

/**
 * {@link step} on a session the caller hands over: it is changed in place and returned as the
 * result's session, with no copy made first. For the runtime, whose session was just read from
 * the database and is used for nothing else; after a throw it must be read again.
 */
export function stepInPlace(flow: Flow, session: Session | null, input: EngineInput, env: EngineEnv): StepResult {
  const turn = new Turn(flow, session, env);
  if (input.type === 'timer') onTimer(turn);
  else onMessage(turn, coarsened(input, env.settings.pinDecimals));
  return turn.result();
}

/**
 * The message with its pin, and any coordinates in its text, rounded to `decimals` places before
 * anything reads it: no session, report, card, alert or relayed answer ever holds more.
 */
function coarsened(msg: MessageInput, decimals: number): MessageInput {
  const { text, location } = msg;
  return {
    ...msg,
    ...(text !== undefined ? { text: coarsenText(text, decimals) } : {}),
    ...(location ? { location: roundPoint(location, decimals) } : {}),
  };
}

function onMessage(t: Turn, msg: MessageInput): void {
  t.sentAt(msg.timestamp);
  const text = (msg.text ?? '').trim();
  const usable = msg.media.filter((m) => !m.problem);
  const rejected = msg.media.filter((m) => m.problem);
  const s = t.s;
  if (!text && msg.media.length === 0 && !msg.location) return onEmpty(t, s, msg);

  // The same limit for a new message and an edit: neither is stored, both are told why.
  if (text.length > MAX_TEXT) {
    t.say(s?.lang ?? t.detect(text) ?? t.defaultLang(), [{ key: 'intake.too_long', params: { max: MAX_TEXT } }]);
    t.discard(msg.media.map((m) => m.ref));
    return;
  }
  if (s && s.status === 'active' && msg.editOf !== undefined) return onEdit(t, s, msg, text);
  const keyword = text && msg.media.length === 0 ? parseKeyword(text) : undefined;

  if ((!s || s.status === 'done') && msg.relay && (!keyword || keyword === 'done')) {
    return relay(t, s, msg, text, msg.relay);
  }
  if (!s) return firstContact(t, msg, text, keyword);
  if (s.status === 'done') return betweenReports(t, s, msg, text, keyword);

  if (rejected.length > 0) {
    t.say(t.langOf(s), t.rejectedNote(rejected));
    if (!text && usable.length === 0 && !msg.location) return t.reprompt(s, false);
  }
  if (keyword && keyword !== 'done') return onKeyword(t, s, keyword);
  const burst = isBurst(t, s, text);
  const correction = text && !burst ? correctionOf(text) : undefined;
  touch(t, s);
  s.photosAt = !text && usable.length > 0 ? t.at : undefined;
  if (burst) return mergeBurst(t, s, msg, text, usable);
  if (correction !== undefined && correct(t, s, correction)) return;
  answer(t, s, msg, text, usable, keyword);
}

// ---------------------------------------------------------------- keywords

function onKeyword(t: Turn, s: Session, keyword: Keyword): void {
  touch(t, s);
  const lang = t.langOf(s);
  switch (keyword) {
    case 'stop':
      return erase(t);
    case 'cancel':
      t.events.push({ type: 'media_discarded', refs: mediaRefs(s.draft) });
      t.say(lang, [{ key: 'intake.cancelled' }]);
      t.s = null;
      return;
    case 'help':
      t.say(lang, t.helpParts());
      return t.reprompt(s);
    case 'rights':
      t.say(lang, t.rightsParts());
      return t.reprompt(s);
    case 'language':
      if (s.step !== 'language') s.returnTo = s.step;
      return t.askLanguage(s);
    case 'back':
      return back(t, s);
    case 'skip':
      return skip(t, s);
    case 'done':
      return t.reprompt(s);
  }
}

function back(t: Turn, s: Session): void {
  if (s.step === 'place') {
    s.placeOptions = undefined;
    return t.ask(s, 'location');
  }
  const history = s.history.filter((h) => h !== 'language');
  history.pop(); // the step being asked now
  const previous = history.pop();
  if (previous === undefined) {
    t.say(t.langOf(s), [{ key: 'intake.back_none' }]);
    return t.reprompt(s);
  }
  s.history = history;
  t.ask(s, previous);
}

function skip(t: Turn, s: Session): void {
  if (s.step === 'language') {
    s.lang = t.defaultLang();
    return afterLanguage(t, s);
  }
  if (s.step === 'extras') return skipTogether(t, s);
  if (s.step === 'place') return leavePlace(t, s);
  const step = t.stepOf(s.step);
  if (!step) return t.reprompt(s); // review: nothing to skip
  if (step.id === 'location') return placeNotGiven(t, s);
  if (!step.optional) {
    t.say(t.langOf(s), [{ key: 'intake.skip_required' }]);
    return t.reprompt(s);
  }
  if (s.draft[step.id] === undefined && !s.draft.skipped.includes(step.id)) s.draft.skipped.push(step.id);
  s.lastAnswer = { step: step.id, at: t.at };
  t.proceed(s);
}

/**
 * A message with nothing in it (no text, file or pin; a platform may deliver one for content it
 * cannot show): still answered, so nobody is left without a reply. A first one opens the
 * conversation as "hola" would; during a report the open question is asked again; after one,
 * the tipster is told they can write whenever they see something. An edit that empties a
 * message stays quiet, like every edit.
 */
function onEmpty(t: Turn, s: Session | null, msg: MessageInput): void {
  if (msg.editOf !== undefined) return; // an edit is quiet, like every edit (see onEdit)
  if (!s) return firstContact(t, msg, '', undefined);
  touch(t, s);
  if (s.status === 'done') return t.say(t.langOf(s), [{ key: 'intake.done.prompt' }]);
  t.reprompt(s, false);
}
