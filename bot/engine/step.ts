/**
 * The conversation engine: a pure, synchronous step function.
 *
 *   step(flow, session, input, env) -> { session, events }
 *
 * No I/O, no clock, no randomness: the instant and the report-number source come in through
 * `env`; what should happen (replies, a submitted report, data to delete) comes out as events
 * that the runtime applies inside one transaction.
 */
import type { FieldId, Flow, FlowStep } from '../flows/flow.js';
import { detectLanguage, extractTip, normalize, parseKeyword, parseYesNo } from '../parse/index.js';
import type { Keyword, Lang, TimeContext } from '../parse/types.js';
import { isChoiceAnswer, rawAnswer, readAnswer, readLanguage } from './answers.js';
import { addMedia, emptyDraft, fillFromExtract, firstUnanswered, isRich, mediaRefs, worthSubmitting } from './draft.js';
import type {
  EngineEnv,
  EngineEvent,
  EngineInput,
  MediaItem,
  Part,
  Session,
  StepId,
  StepResult,
} from './types.js';

/** Longest text taken as an answer; longer messages get a clear "please shorten" reply. */
export const MAX_TEXT = 2000;

const THANKS = new Set(['gracias', 'muchas gracias', 'thanks', 'thank you', 'thx', 'ok', 'okay', 'vale', 'ok gracias', 'ok thanks', 'bien', '👍', '🙏']);

export function step(flow: Flow, session: Session | null, input: EngineInput, env: EngineEnv): StepResult {
  const turn = new Turn(flow, session ? structuredClone(session) : null, env);
  if (input.type === 'timer') turn.onTimer();
  else turn.onMessage(input);
  return turn.result();
}

type MessageInput = Extract<EngineInput, { type: 'message' }>;

class Turn {
  private readonly events: EngineEvent[] = [];
  private s: Session | null;
  private readonly now: number;
  private readonly timeCtx: TimeContext;

  constructor(
    private readonly flow: Flow,
    session: Session | null,
    private readonly env: EngineEnv,
  ) {
    this.s = session;
    this.now = env.now;
    this.timeCtx = { now: env.now, timezone: env.settings.timezone };
  }

  result(): StepResult {
    if (this.s) this.s.wakeAt = this.wakeAt(this.s);
    return { session: this.s, events: this.events };
  }

  // ---------------------------------------------------------------- inbound messages

  onMessage(msg: MessageInput): void {
    const text = (msg.text ?? '').trim();
    const usable = msg.media.filter((m) => !m.problem);
    const rejected = msg.media.filter((m) => m.problem);
    if (!text && msg.media.length === 0 && !msg.location) return; // empty: nothing to answer

    const s = this.s;
    if (s && s.status === 'active' && msg.editOf !== undefined) {
      this.onEdit(s, msg, text);
      return;
    }
    if (text.length > MAX_TEXT) {
      this.say(this.lang(text), [{ key: 'intake.too_long', params: { max: MAX_TEXT } }]);
      this.discard(msg.media);
      return;
    }
    const keyword = text && msg.media.length === 0 ? parseKeyword(text) : undefined;

    if ((!s || s.status === 'done') && msg.relay && (!keyword || keyword === 'done')) {
      return this.relay(s, msg, text, msg.relay);
    }
    if (!s) return this.start(msg, text, keyword, undefined);
    if (s.status === 'done') return this.onDone(s, msg, text, keyword);

    if (rejected.length > 0) {
      this.explainRejected(s, rejected);
      if (!text && usable.length === 0 && !msg.location) return this.reprompt(s, false);
    }
    if (keyword && keyword !== 'done') return this.onKeyword(s, keyword);
    if (this.isBurst(s, text)) return this.mergeBurst(s, msg, text, usable);
    s.lastInboundAt = this.now;
    s.reminded = false;
    this.answer(s, msg, text, usable, keyword);
  }

  private start(msg: MessageInput, text: string, keyword: Keyword | undefined, lang: Lang | undefined): void {
    const s: Session = {
      v: 1,
      status: 'active',
      step: 'language',
      history: [],
      draft: emptyDraft(),
      wrong: 0,
      startedAt: this.now,
      lastInboundAt: this.now,
      lastAnswer: { step: 'start', at: this.now, messageId: msg.messageId },
      reminded: false,
      reviewed: false,
    };
    if (lang) s.lang = lang;
    this.s = s;
    if (keyword === 'stop') return this.erase();
    const known = s.lang ?? detectLanguage(text) ?? this.keywordLang(text) ?? this.onlyLanguage();
    if (!keyword) this.takeFirstMessage(s, msg, text);
    if (keyword === 'rights' || keyword === 'help') {
      this.say(known ?? this.defaultLang(), [{ key: keyword === 'rights' ? 'rights.card' : 'intake.help' }]);
    }
    s.platform = msg.platform;
    if (!known || keyword === 'language') return this.askLanguage(s);
    s.lang = known;
    this.welcome(s);
    this.proceed(s);
  }

  /** Prefills what a first free-form message already says (language aside). */
  private takeFirstMessage(s: Session, msg: MessageInput, text: string): void {
    addMedia(s.draft, msg.media.filter((m) => !m.problem));
    this.discard(msg.media.filter((m) => m.problem));
    if (msg.location) s.draft.location = { point: msg.location };
    if (!text) return;
    const filled = fillFromExtract(s.draft, extractTip(text, this.timeCtx));
    if (filled.length > 0) s.draft.description = text.slice(0, MAX_TEXT);
  }

  private welcome(s: Session): void {
    const parts: Part[] = [{ key: 'intake.safety' }, { key: 'intake.hotline', params: { hotline: this.env.settings.hotline } }];
    if (s.platform === 'whatsapp' || s.platform === 'telegram') {
      const contact = this.env.settings.signalContact;
      parts.push(contact ? { key: 'intake.platform_notice_contact', params: { contact } } : { key: 'intake.platform_notice' });
    }
    this.say(this.langOf(s), parts);
    if (s.draft.urgent?.value === true) this.urgentNotice(s);
    if (isRich(this.flow, s.draft)) s.reviewed = true;
  }

  private onDone(s: Session, msg: MessageInput, text: string, keyword: Keyword | undefined): void {
    if (this.now - s.lastInboundAt <= this.env.settings.burstMs && !msg.media.length && !msg.location) {
      s.lastInboundAt = this.now; // trailing words of the same burst ("gracias!") after submitting
      return;
    }
    s.lastInboundAt = this.now;
    const lang = this.langOf(s);
    if (keyword === 'stop') return this.erase();
    if (keyword === 'rights' || keyword === 'help') {
      this.say(lang, [{ key: keyword === 'rights' ? 'rights.card' : 'intake.help' }, { key: 'intake.done.prompt' }]);
      return;
    }
    if (keyword === 'cancel' || keyword === 'back' || keyword === 'skip' || keyword === 'done') {
      this.say(lang, [{ key: 'intake.done.prompt' }]);
      return;
    }
    if (!keyword && msg.media.length === 0 && !msg.location && THANKS.has(normalize(text).replace(/[.!]+$/, ''))) {
      this.say(lang, [{ key: 'intake.done.welcome' }]);
      return;
    }
    // Anything else is a new sighting: start a new report in the same language.
    this.s = null;
    if (keyword === 'language') {
      this.start(msg, '', undefined, undefined);
      return;
    }
    this.start(msg, text, undefined, s.lang);
  }

  /**
   * Between reports, while the team has an open question for this tipster, what they write goes
   * to the verifiers (tagged with the report number) instead of starting a new report.
   */
  private relay(s: Session | null, msg: MessageInput, text: string, relay: { report: number; lang: Lang }): void {
    const media = msg.media.filter((m) => !m.problem);
    this.discard(msg.media.filter((m) => m.problem));
    if (!text && media.length === 0) return;
    this.events.push({ type: 'relay_reply', report: relay.report, text: text.slice(0, MAX_TEXT), media: media.map((m) => m.ref) });
    if (s) {
      s.lastInboundAt = this.now;
      if (s.relayAckAt !== undefined && this.now - s.relayAckAt <= this.env.settings.burstMs) return;
      s.relayAckAt = this.now;
    }
    this.say(relay.lang, [{ key: 'relay.sent' }]);
  }

  // ---------------------------------------------------------------- keywords

  private onKeyword(s: Session, keyword: Keyword): void {
    s.lastInboundAt = this.now;
    s.reminded = false;
    const lang = this.langOf(s);
    switch (keyword) {
      case 'stop':
        return this.erase();
      case 'cancel':
        this.events.push({ type: 'media_discarded', refs: mediaRefs(s.draft) });
        this.say(lang, [{ key: 'intake.cancelled' }]);
        this.s = null;
        return;
      case 'help':
        this.say(lang, [{ key: 'intake.help' }]);
        return this.reprompt(s);
      case 'rights':
        this.say(lang, [{ key: 'rights.card' }]);
        return this.reprompt(s);
      case 'language':
        if (s.step !== 'language') s.returnTo = s.step;
        return this.askLanguage(s);
      case 'back':
        return this.back(s);
      case 'skip':
        return this.skip(s);
      case 'done':
        return this.reprompt(s);
    }
  }

  private back(s: Session): void {
    const history = s.history.filter((h) => h !== 'language');
    history.pop(); // the step being asked now
    const previous = history.pop();
    if (previous === undefined) {
      this.say(this.langOf(s), [{ key: 'intake.back_none' }]);
      return this.reprompt(s);
    }
    s.history = history;
    this.ask(s, previous);
  }

  private skip(s: Session): void {
    const step = this.stepOf(s.step);
    if (s.step === 'language') {
      s.lang = this.defaultLang();
      return this.afterLanguage(s);
    }
    if (!step) return this.reprompt(s); // review: nothing to skip
    if (!step.optional) {
      this.say(this.langOf(s), [{ key: 'intake.skip_required' }]);
      return this.reprompt(s);
    }
    if (s.draft[step.id] === undefined && !s.draft.skipped.includes(step.id)) s.draft.skipped.push(step.id);
    s.lastAnswer = { step: step.id, at: this.now };
    this.proceed(s);
  }

  private erase(): void {
    const refs = this.s ? mediaRefs(this.s.draft) : [];
    const lang = this.s ? this.langOf(this.s) : this.defaultLang();
    if (refs.length) this.events.push({ type: 'media_discarded', refs });
    this.events.push({ type: 'tipster_erased' });
    this.say(lang, [{ key: 'privacy.erased' }]);
    this.s = null;
  }

  // ---------------------------------------------------------------- answers

  private answer(s: Session, msg: MessageInput, text: string, media: MediaItem[], keyword: Keyword | undefined): void {
    const lang = this.langOf(s);
    if (s.step === 'language') {
      addMedia(s.draft, media);
      const chosen = readLanguage(text, this.env.settings.languages) ?? detectLanguage(text);
      if (chosen && this.env.settings.languages.includes(chosen)) {
        s.lang = chosen;
        return this.afterLanguage(s);
      }
      return this.wrongAnswer(s, () => {
        s.lang = this.defaultLang();
        this.afterLanguage(s);
      });
    }
    if (s.step === 'review') {
      addMedia(s.draft, media);
      if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
      if (media.length > 0 || msg.location) {
        if (!text) return this.ask(s, 'review');
      }
      return this.answerReview(s, text);
    }
    const step = this.stepOf(s.step);
    if (!step) return this.ask(s, 'review');

    if (step.answer === 'media') {
      if (media.length > 0) {
        addMedia(s.draft, media);
        this.say(lang, [{ key: 'intake.media.received', params: { count: s.draft.media?.items.length ?? 0 } }]);
        return this.accept(s, step, msg.messageId);
      }
      if (keyword === 'done' || parseYesNo(text) === false) {
        if (!s.draft.media) s.draft.skipped.push('media');
        return this.accept(s, step, msg.messageId);
      }
      if (msg.location && !text) return this.pinElsewhere(s, msg);
      return this.wrongAnswer(s, () => {
        if (!s.draft.media && !s.draft.skipped.includes('media')) s.draft.skipped.push('media');
        this.accept(s, step, msg.messageId);
      });
    }

    // A photo (or pin) sent while another question is open is kept, and the question stands.
    if (!text && (media.length > 0 || msg.location)) {
      addMedia(s.draft, media);
      if (step.answer === 'location' && msg.location) {
        s.draft.location = { point: msg.location };
        return this.accept(s, step, msg.messageId);
      }
      if (msg.location) return this.pinElsewhere(s, msg);
      this.say(lang, [{ key: 'intake.media.received', params: { count: s.draft.media?.items.length ?? 0 } }]);
      return this.reprompt(s, false);
    }
    addMedia(s.draft, media);
    if (msg.location && step.answer !== 'location') s.draft.location = { ...s.draft.location, point: msg.location };

    const patch = readAnswer(step, msg.location ? { text, location: msg.location } : { text }, this.timeCtx);
    if (!patch) {
      return this.wrongAnswer(s, () => {
        Object.assign(s.draft, rawAnswer(step, text));
        this.say(lang, [{ key: 'intake.moving_on' }]);
        this.accept(s, step, msg.messageId);
      });
    }
    Object.assign(s.draft, patch);
    s.draft.skipped = s.draft.skipped.filter((f) => f !== step.id);
    if (step.id === 'urgent' && s.draft.urgent?.value === true) this.urgentNotice(s);
    this.accept(s, step, msg.messageId);
  }

  private pinElsewhere(s: Session, msg: MessageInput): void {
    if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
    this.say(this.langOf(s), [{ key: 'intake.location.pin_received' }]);
    this.reprompt(s, false);
  }

  private accept(s: Session, step: FlowStep, messageId: string): void {
    s.lastAnswer = { step: step.id, at: this.now, messageId };
    this.proceed(s);
  }

  private answerReview(s: Session, text: string): void {
    const yes = parseYesNo(text);
    if (yes === true || normalize(text) === 'enviar' || normalize(text) === 'send') return this.submit(s, 'new');
    const n = Number.parseInt(normalize(text), 10);
    if (String(n) === normalize(text) && n >= 1 && n <= this.flow.steps.length) {
      const target = this.flow.steps[n - 1];
      if (target) return this.ask(s, target.id);
    }
    if (yes === false) {
      this.say(this.langOf(s), [{ key: 'intake.review.how_to_change' }]);
      return;
    }
    s.wrong += 1;
    this.say(this.langOf(s), [{ key: 'intake.review.instructions', params: { max: this.flow.steps.length } }]);
  }

  private wrongAnswer(s: Session, giveUp: () => void): void {
    s.wrong += 1;
    if (s.wrong >= this.env.settings.maxWrongAnswers) {
      s.wrong = 0;
      return giveUp();
    }
    const step = this.stepOf(s.step);
    if (s.step === 'language') return this.askLanguage(s);
    if (!step) return;
    this.say(
      this.langOf(s),
      [{ key: 'intake.retry', params: { example: { key: step.example } } }, { key: step.prompt }],
      step.choices,
    );
  }

  private afterLanguage(s: Session): void {
    const back = s.returnTo;
    s.returnTo = undefined;
    s.wrong = 0;
    if (back !== undefined) {
      this.say(this.langOf(s), [{ key: 'language.set' }]);
      return this.ask(s, back);
    }
    this.welcome(s);
    this.proceed(s);
  }

  // ---------------------------------------------------------------- bursts and edits

  /**
   * A message arriving within the burst window of the previous one joins the answer just given,
   * unless it picks a numbered choice of the open question (a quick tap is a real answer).
   */
  private isBurst(s: Session, text: string): boolean {
    if (!s.lastAnswer) return false;
    if (this.now - s.lastInboundAt > this.env.settings.burstMs) return false;
    if (s.step === 'review' || s.step === 'language') return !text;
    return !(text && isChoiceAnswer(this.stepOf(s.step), text));
  }

  private mergeBurst(s: Session, msg: MessageInput, text: string, media: MediaItem[]): void {
    s.lastInboundAt = this.now;
    addMedia(s.draft, media);
    if (msg.location) s.draft.location = { ...s.draft.location, point: msg.location };
    if (!text) return;
    const last = s.lastAnswer?.step;
    const step = last && last !== 'start' ? this.stepOf(last) : undefined;
    if (step && step.answer !== 'yesno' && step.answer !== 'media') {
      const previous = s.draft[step.id];
      const prevText = previous && typeof previous === 'object' && 'text' in previous ? previous.text ?? '' : '';
      const combined = `${prevText} ${text}`.trim().slice(0, MAX_TEXT);
      const patch = readAnswer(step, { text: combined }, this.timeCtx);
      if (patch) Object.assign(s.draft, patch);
    }
    if (last === 'start') {
      s.draft.description = `${s.draft.description ?? ''}\n${text}`.trim().slice(0, MAX_TEXT);
    }
    fillFromExtract(s.draft, extractTip(text, this.timeCtx));
  }

  /** An edit of the tipster's latest answer replaces it, quietly. */
  private onEdit(s: Session, msg: MessageInput, text: string): void {
    const last = s.lastAnswer;
    if (!last || last.messageId !== msg.editOf || last.step === 'start' || !text) return;
    const step = this.stepOf(last.step);
    if (!step || step.answer === 'media') return;
    const patch = readAnswer(step, { text }, this.timeCtx);
    if (!patch) return;
    Object.assign(s.draft, patch);
    if (s.step === 'review') this.ask(s, 'review');
  }

  // ---------------------------------------------------------------- asking

  private proceed(s: Session): void {
    s.wrong = 0;
    if (s.reviewed) return this.ask(s, 'review');
    const next = firstUnanswered(this.flow, s.draft);
    this.ask(s, next ?? 'review');
  }

  private ask(s: Session, id: StepId): void {
    s.step = id;
    s.wrong = 0;
    if (id !== 'language' && s.history[s.history.length - 1] !== id) s.history.push(id);
    if (id === 'language') return this.askLanguage(s);
    if (id === 'review') {
      s.reviewed = true;
      this.say(this.langOf(s), [
        { key: 'intake.review.title' },
        { summary: s.draft },
        { key: 'intake.review.instructions', params: { max: this.flow.steps.length } },
      ]);
      return;
    }
    const step = this.stepOf(id);
    if (step) this.say(this.langOf(s), [{ key: step.prompt }], step.choices);
  }

  /** Repeats the open question (after HELP, RIGHTS, a photo...). */
  private reprompt(s: Session, withHistory = true): void {
    if (s.step === 'language') return this.askLanguage(s);
    if (s.step === 'review') return this.ask(s, 'review');
    const step = this.stepOf(s.step);
    if (!step) return;
    if (withHistory) this.ask(s, step.id);
    else this.say(this.langOf(s), [{ key: step.prompt }], step.choices);
  }

  private askLanguage(s: Session): void {
    s.step = 'language';
    const languages = this.env.settings.languages;
    this.events.push({
      type: 'reply',
      lang: s.lang ?? this.defaultLang(),
      parts: [{ key: 'language.menu' }],
      choices: languages.map((l, i) => ({ value: String(i + 1), key: `language.name.${l}` })),
    });
  }

  private urgentNotice(s: Session): void {
    this.say(this.langOf(s), [{ key: 'intake.urgent.hotline', params: { hotline: this.env.settings.hotline } }]);
  }

  private explainRejected(s: Session, rejected: MediaItem[]): void {
    const tooLarge = rejected.some((m) => m.problem === 'too_large');
    this.say(this.langOf(s), [{ key: tooLarge ? 'intake.media.too_large' : 'intake.media.unsupported' }]);
    this.discard(rejected);
  }

  private discard(media: MediaItem[]): void {
    if (media.length) this.events.push({ type: 'media_discarded', refs: media.map((m) => m.ref) });
  }

  // ---------------------------------------------------------------- submitting and timers

  private submit(s: Session, status: 'new' | 'incomplete'): void {
    const number = this.env.nextReportNumber();
    const lang = this.langOf(s);
    this.events.push({
      type: 'report_submitted',
      report: {
        number,
        status,
        urgent: s.draft.urgent?.value === true,
        lang,
        draft: s.draft,
        seenAt: s.draft.time?.at ?? s.startedAt,
        submittedAt: this.now,
      },
    });
    this.say(lang, [{ key: status === 'new' ? 'intake.submitted' : 'intake.expired_submitted', params: { number } }]);
    this.finish(s, number);
  }

  private finish(s: Session, reportNumber?: number): void {
    s.status = 'done';
    s.draft = emptyDraft();
    s.history = [];
    s.step = 'urgent';
    s.wrong = 0;
    s.reviewed = false;
    s.returnTo = undefined;
    s.lastAnswer = undefined;
    s.reportNumber = reportNumber;
  }

  onTimer(): void {
    const s = this.s;
    if (!s) return;
    const idle = this.now - s.lastInboundAt;
    if (s.status === 'done') {
      if (idle >= this.env.settings.doneRetentionMs) this.s = null;
      return;
    }
    if (idle >= this.env.settings.expireAfterMs) {
      if (worthSubmitting(s.draft)) return this.submit(s, 'incomplete');
      this.events.push({ type: 'media_discarded', refs: mediaRefs(s.draft) });
      this.say(this.langOf(s), [{ key: 'intake.expired_discarded' }]);
      this.finish(s);
      return;
    }
    if (!s.reminded && idle >= this.env.settings.remindAfterMs) {
      s.reminded = true;
      this.say(this.langOf(s), [{ key: 'intake.reminder' }]);
      this.reprompt(s, false);
    }
  }

  private wakeAt(s: Session): number {
    const st = this.env.settings;
    if (s.status === 'done') return s.lastInboundAt + st.doneRetentionMs;
    return s.lastInboundAt + (s.reminded ? st.expireAfterMs : st.remindAfterMs);
  }

  // ---------------------------------------------------------------- helpers

  private say(lang: Lang, parts: Part[], choices?: { value: string; key: string }[]): void {
    this.events.push(choices ? { type: 'reply', lang, parts, choices } : { type: 'reply', lang, parts });
  }

  private stepOf(id: StepId | undefined): FlowStep | undefined {
    return this.flow.steps.find((st) => st.id === id);
  }

  private langOf(s: Session): Lang {
    return s.lang ?? this.defaultLang();
  }

  private lang(text: string): Lang {
    return this.s?.lang ?? detectLanguage(text) ?? this.defaultLang();
  }

  private defaultLang(): Lang {
    return this.env.settings.languages[0] ?? 'es';
  }

  private onlyLanguage(): Lang | undefined {
    const l = this.env.settings.languages;
    return l.length === 1 ? l[0] : undefined;
  }

  /** The language a bare keyword is written in (AYUDA is Spanish, HELP English). */
  private keywordLang(text: string): Lang | undefined {
    const t = normalize(text).replace(/^\//, '').replace(/[^a-z]/g, '');
    const es = ['ayuda', 'atras', 'volver', 'saltar', 'omitir', 'cancelar', 'idioma', 'derechos', 'borrar', 'listo'];
    const en = ['help', 'back', 'skip', 'cancel', 'language', 'lang', 'rights', 'stop', 'done'];
    const lang: Lang | undefined = es.includes(t) ? 'es' : en.includes(t) ? 'en' : undefined;
    return lang && this.env.settings.languages.includes(lang) ? lang : undefined;
  }
}

export type { FieldId };
