/**
 * What a language's golden transcripts say, one file per language beside this one
 * (`<lang>.ts`, exporting `script`). tests/transcripts/languages.test.ts runs every file it finds
 * here: add a language by adding its file; the transcripts are written to
 * `__golden__/languages/<lang>-*.txt` on the first `npx vitest run -u` and reviewed from then on.
 */
import type { Lang } from '../../../bot/parse/types.js';

export interface LanguageScript {
  lang: Lang;
  /**
   * A first message that says what, where, when and how many, and settles whether someone is
   * being detained by its words: the bot answers with the safety notice and then the review.
   */
  rich: string;
  /** What the rich message must be read as (the report's fields after "yes"). */
  richFields: { agents?: number; vehicles?: number; urgent: boolean };
  /** "Yes" to send the report from the review. */
  yes: string;
  /**
   * A tip given step by step: a greeting in the language, then one answer per question, in the
   * order the bot asks them (is someone being detained: no; what; where; when; how many;
   * anything else; did you see it yourself: yes). The bot must reach the review.
   */
  steps: { greeting: string; answers: [no: string, what: string, where: string, when: string, size: string, extras: string, saw: string] };
  /** What the step-by-step tip must be read as. */
  stepFields: { agents?: number; vehicles?: number };
  /** The keywords in the language, each sent alone during a tip. */
  keywords: { help: string; rights: string; back: string; skip: string; language: string; cancel: string };
  /** The language's name as a tipster would type it in the language menu. */
  name: string;
}
