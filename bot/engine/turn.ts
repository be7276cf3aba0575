/**
 * One turn of the engine: the session being changed, the events coming out, and the ways the
 * bot speaks (ask a question, repeat it, show the review). The conversation logic in the other
 * engine files works on a Turn; nothing here reads a clock or does I/O.
 */
import type { FieldId, Flow, FlowStep } from '../flows/flow.js';
import { detectLanguage, keywordLanguage } from '../parse/index.js';
import type { Lang, TimeContext } from '../parse/types.js';
import { firstUnanswered, isAnswered } from './draft.js';
import { nextClockOffset, onOurClock } from './sender-clock.js';
import type { PlaceMatch, ResolvedPlace } from '../geo/gazetteer/types.js';
import type { Choice, EngineEnv, EngineEvent, MediaItem, Part, Session, StepId, StepResult } from './types.js';

/** Longest text taken as an answer; longer messages get a clear "please shorten" reply. */
export const MAX_TEXT = 2000;

export class Turn {
  readonly events: EngineEvent[] = [];
  s: Session | null;
  /** The bot's clock: timers count from here. */
  readonly now: number;
  /** When the message being handled was sent, on our clock (see sender-clock.ts), never after `now`. */
  at: number;
  timeCtx: TimeContext;
  /** The sender's clock offset after this message, saved with whatever session the turn ends with. */
  private clockOffset: number | undefined;
  /** Report numbers this turn has given out (the host consumes them with the events). */
  private reportsNumbered = 0;

  constructor(
    readonly flow: Flow,
    session: Session | null,
    readonly env: EngineEnv,
  ) {
    this.s = session;
    this.clockOffset = session?.clockOffset;
    this.now = env.now;
    this.at = env.now;
    this.timeCtx = { now: env.now, timezone: env.settings.timezone };
  }

  /**
   * Reads the sending time from the platform's timestamp. For comparing with our own instants
   * (`askedAt`, burst windows) it is moved onto our clock with the session's estimate of the
   * sender's clock offset (a phone 10 s slow or fast, Telegram's whole seconds). "hace 10
   * minutos" is read from the timestamp itself (a clock ahead of ours counts as now), so a
   * message the bot was slow to get to keeps its own time. No timestamp means now.
   */
  sentAt(timestamp: number | undefined): void {
    const known = timestamp !== undefined && Number.isFinite(timestamp);
    if (known) {
      this.clockOffset = nextClockOffset(this.clockOffset, timestamp, this.now, this.s?.lastSentAt);
      this.at = onOurClock(timestamp, this.clockOffset, this.now);
    } else this.at = this.now;
    this.timeCtx = { now: known ? Math.min(timestamp, this.now) : this.now, timezone: this.env.settings.timezone };
  }

  /** The number for a report submitted now: `env.nextReportNumber`, then the ones after it. */
  takeReportNumber(): number {
    return this.env.nextReportNumber + this.reportsNumbered++;
  }

  result(): StepResult {
    const s = this.s;
    if (s) {
      if (this.clockOffset !== undefined) s.clockOffset = this.clockOffset;
      if (this.events.some((e) => e.type === 'reply')) s.askedAt = this.now;
      s.wakeAt = this.wakeAt(s);
    }
    return { session: s, events: this.events };
  }

  private wakeAt(s: Session): number {
    const st = this.env.settings;
    if (s.status === 'done') return s.lastInboundAt + st.doneRetentionMs;
    return s.lastInboundAt + (s.reminded ? st.expireAfterMs : st.remindAfterMs);
  }

  // ---------------------------------------------------------------- what comes next

  /**
   * The next question: triage first, then (when someone is being detained) where, then the
   * flow's order. Once the review has been shown (or a rich first message skipped to it), only
   * what a report cannot go without is still asked: the place, triage and the time.
   */
  nextStep(s: Session): StepId {
    const { draft } = s;
    if (draft.urgent?.value === true) {
      const first = (this.flow.urgentFirst ?? []).find((f) => !isAnswered(draft, f));
      if (first) return first;
    }
    if (s.reviewed) {
      const { requires, alwaysAsk = [] } = this.flow.rich;
      const open = this.flow.steps.find((st) => (requires.includes(st.id) || alwaysAsk.includes(st.id)) && !isAnswered(draft, st.id));
      return open?.id ?? 'review';
    }
    const next = firstUnanswered(this.flow, draft);
    if (next && this.flow.together?.fields.includes(next)) return 'extras';
    return next ?? 'review';
  }

  /** Asks the next question; `lead` goes first in the same message ("Got it, we changed..."). */
  proceed(s: Session, lead: Part[] = []): void {
    s.wrong = 0;
    if (this.placeQuestion(s, lead)) return;
    this.ask(s, this.nextStep(s), lead);
  }

  /**
   * Looks the draft's place up on the offline map (`env.places`) when it has words and no point
   * yet. Found: noted on the location, and false (the conversation goes on). Two or three
   * candidates, or none: the one place question of this report is asked, and true.
   */
  private placeQuestion(s: Session, lead: Part[]): boolean {
    const text = placeWords(s);
    if (text === undefined || s.placeLooked === text) return false;
    const match = this.lookUpPlace(s);
    if (!match) return false;
    s.placeLooked = text;
    if (match.kind === 'found' || s.placeAsked) return false;
    s.placeAsked = true;
    s.placeOptions = match.kind === 'choose' ? match.options : undefined;
    this.ask(s, 'place', lead);
    return true;
  }

  /**
   * Looks the draft's words for the place up on the offline map and notes the point when one
   * place fits; undefined when there is no map or nothing to look up. When the words read as
   * the place give only an area or nothing ("hantinton park" out of "la pasific y florens en
   * hantinton park"), the whole first message is looked up too and the closer answer wins.
   */
  lookUpPlace(s: Session): PlaceMatch | undefined {
    const finder = this.env.places;
    const text = placeWords(s);
    const loc = s.draft.location;
    if (!finder || !loc || text === undefined) return undefined;
    let match = finder.lookup(text);
    const whole = s.draft.description;
    if (whole && whole !== text && (match.kind !== 'found' || match.place.radiusMeters > 300)) {
      const wide = finder.lookup(whole, 'message');
      if (wide.kind === 'found' && (match.kind !== 'found' || wide.place.radiusMeters < match.place.radiusMeters)) match = wide;
    }
    if (match.kind === 'found') s.draft.location = { ...loc, place: match.place };
    return match;
  }

  /** The place question as it stands: the numbered choice, or the neighbourhood/business/ZIP question. */
  private askPlace(s: Session, lead: Part[]): void {
    const options = s.placeOptions;
    if (!options) return this.say(this.langOf(s), [...lead, { key: 'intake.place.which_area' }]);
    this.say(
      this.langOf(s),
      [...lead, { key: 'intake.place.choose' }],
      options.map((o, i) => ({ value: String(i + 1), key: 'intake.place.option', params: { place: placeLabel(o) } })),
    );
  }

  ask(s: Session, id: StepId, lead: Part[] = []): void {
    s.step = id;
    s.wrong = 0;
    if (id !== 'language' && id !== 'place' && s.history[s.history.length - 1] !== id) s.history.push(id);
    if (id === 'language') return this.askLanguage(s);
    if (id === 'place') return this.askPlace(s, lead);
    if (id === 'review') {
      s.reviewed = true;
      this.say(this.langOf(s), [
        ...lead,
        { key: 'intake.review.title' },
        { summary: s.draft },
        { key: 'intake.review.instructions', params: { max: this.flow.steps.length } },
      ]);
      return;
    }
    if (id === 'extras') {
      if (this.flow.together) this.say(this.langOf(s), [...lead, { key: this.flow.together.prompt }]);
      return;
    }
    const step = this.stepOf(id);
    if (step) this.say(this.langOf(s), [...lead, { key: step.prompt }], step.choices);
  }

  /** Repeats the open question (after HELP, RIGHTS, a photo...). */
  reprompt(s: Session, withHistory = true, lead: Part[] = []): void {
    if (s.step === 'language') return this.askLanguage(s);
    if (s.step === 'review') return this.ask(s, 'review', lead);
    if (s.step === 'extras') return this.ask(s, 'extras', lead);
    if (s.step === 'place') return this.askPlace(s, lead);
    const step = this.stepOf(s.step);
    if (!step) return;
    if (withHistory) this.ask(s, step.id, lead);
    else this.say(this.langOf(s), [...lead, { key: step.prompt }], step.choices);
  }

  askLanguage(s: Session): void {
    s.step = 'language';
    const languages = this.env.settings.languages;
    this.events.push({
      type: 'reply',
      lang: s.lang ?? this.defaultLang(),
      parts: [{ key: 'language.menu' }],
      choices: languages.map((l, i) => ({ value: String(i + 1), key: `language.name.${l}` })),
    });
  }

  /** Whether this question was already asked once more after a non-answer (and marks it so). */
  askedAgain(s: Session, id: StepId): boolean {
    const again = s.askedAgain ?? [];
    if (again.includes(id)) return true;
    s.askedAgain = [...again, id];
    return false;
  }

  // ---------------------------------------------------------------- fixed texts

  /** The emergency line comes before anything else a frightened person asks for. */
  helpParts(): Part[] {
    return [{ key: 'intake.hotline', params: { hotline: this.env.settings.hotline } }, { key: 'intake.help' }];
  }

  rightsParts(): Part[] {
    return [{ key: 'rights.card' }, { key: 'intake.hotline', params: { hotline: this.env.settings.hotline } }];
  }

  urgentNotice(s: Session): void {
    this.say(this.langOf(s), [{ key: 'intake.urgent.hotline', params: { hotline: this.env.settings.hotline } }]);
  }

  say(lang: Lang, parts: Part[], choices?: Choice[]): void {
    this.events.push(choices ? { type: 'reply', lang, parts, choices } : { type: 'reply', lang, parts });
  }

  discard(refs: string[]): void {
    if (refs.length) this.events.push({ type: 'media_discarded', refs });
  }

  /**
   * Drops files that could not be used (over the size limit, or not an image we could read: a
   * bomb, a truncated file, an unknown format) and returns the note that says so, so that the
   * tipster is never left wondering where their photo went. Empty when every file was usable.
   */
  rejectedNote(media: MediaItem[]): Part[] {
    const rejected = media.filter((m) => m.problem);
    if (rejected.length === 0) return [];
    this.discard(rejected.map((m) => m.ref));
    const tooLarge = rejected.some((m) => m.problem === 'too_large');
    return [{ key: tooLarge ? 'intake.media.too_large' : 'intake.media.unsupported' }];
  }

  // ---------------------------------------------------------------- lookups

  stepOf(id: StepId | FieldId | 'start' | undefined): FlowStep | undefined {
    return this.flow.steps.find((st) => st.id === id);
  }

  langOf(s: Session): Lang {
    return s.lang ?? this.defaultLang();
  }

  defaultLang(): Lang {
    return this.env.settings.languages[0] ?? 'es';
  }

  onlyLanguage(): Lang | undefined {
    const l = this.env.settings.languages;
    return l.length === 1 ? l[0] : undefined;
  }

  /** The language a message is written in, among the network's languages (undefined when unclear). */
  detect(text: string): Lang | undefined {
    return detectLanguage(text, this.env.settings.languages);
  }

  /** The language a bare keyword is written in (AYUDA is Spanish, HELP English), when the network speaks it. */
  keywordLang(text: string): Lang | undefined {
    const lang = keywordLanguage(text);
    return lang && this.env.settings.languages.includes(lang) ? lang : undefined;
  }
}

/** A place as the tipster reads it: "Cesar Chavez Ave & Lorena St (Boyle Heights)". */
export function placeLabel(p: ResolvedPlace): string {
  return p.area ? `${p.label} (${p.area})` : p.label;
}

/** The words of the draft's place still to be put on the map (none once it has a pin or a point). */
function placeWords(s: Session): string | undefined {
  const loc = s.draft.location;
  if (!loc || loc.point || loc.place) return undefined;
  const text = loc.text ?? loc.crossStreets?.join(' y ') ?? loc.zip;
  return text?.trim() ? text : undefined;
}
