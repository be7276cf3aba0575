/**
 * Flows are data: an ordered list of steps the engine walks a tipster through. A network can
 * reorder or drop optional steps without touching engine code; {@link validateFlow} checks a flow
 * at start-up (and in tests) so a broken flow never reaches a tipster.
 */
import { z } from 'zod';

/** The SALUTE report fields the intake collects, plus triage and "did you see it yourself". */
export const FIELD_IDS = ['urgent', 'activity', 'location', 'time', 'size', 'uniform', 'equipment', 'media', 'firsthand'] as const;
export type FieldId = (typeof FIELD_IDS)[number];

/** How a step's answer is understood. */
export const ANSWER_KINDS = ['yesno', 'activity', 'location', 'time', 'size', 'uniform', 'equipment', 'media'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export interface ChoiceSpec {
  value: string;
  /** Locale key of the label. */
  key: string;
}

export interface FlowStep {
  id: FieldId;
  answer: AnswerKind;
  /** Optional steps accept SKIP/SALTAR. */
  optional: boolean;
  /** Locale keys: the question, an example shown after a wrong answer, the label in the review. */
  prompt: string;
  example: string;
  label: string;
  choices?: ChoiceSpec[];
}

export interface Flow {
  id: string;
  steps: FlowStep[];
  /**
   * A first message that fills at least `minFields` of `fields` (and every field in `requires`)
   * goes straight to the review step; the fields in `alwaysAsk` (triage, the time) are still
   * asked first when the message leaves them open.
   */
  rich: { minFields: number; fields: FieldId[]; requires: FieldId[]; alwaysAsk?: FieldId[] };
  /**
   * Optional fields asked together in one "anything else?" question (uniforms, vehicles, plates,
   * photos): one answer fills whichever of them it covers, and the rest count as skipped. Each
   * field keeps its own step for changing it from the review.
   */
  together?: { prompt: string; example: string; fields: FieldId[] };
  /** Fields asked right after the triage question when someone is being detained (where first). */
  urgentFirst?: FieldId[];
}

const stepSchema = z
  .object({
    id: z.enum(FIELD_IDS),
    answer: z.enum(ANSWER_KINDS),
    optional: z.boolean(),
    prompt: z.string().min(1),
    example: z.string().min(1),
    label: z.string().min(1),
    choices: z.array(z.object({ value: z.string().min(1), key: z.string().min(1) }).strict()).optional(),
  })
  .strict();

const flowSchema = z
  .object({
    id: z.string().min(1),
    steps: z.array(stepSchema).min(1),
    rich: z
      .object({
        minFields: z.number().int().min(1),
        fields: z.array(z.enum(FIELD_IDS)),
        requires: z.array(z.enum(FIELD_IDS)),
        alwaysAsk: z.array(z.enum(FIELD_IDS)).optional(),
      })
      .strict(),
    together: z
      .object({ prompt: z.string().min(1), example: z.string().min(1), fields: z.array(z.enum(FIELD_IDS)).min(1) })
      .strict()
      .optional(),
    urgentFirst: z.array(z.enum(FIELD_IDS)).optional(),
  })
  .strict();

/**
 * Checks a flow's shape, that step ids are unique, and (when `hasKey` is given) that every locale
 * key it names exists. Returns the problems found; an empty list means the flow is usable.
 */
export function validateFlow(flow: unknown, hasKey?: (key: string) => boolean): string[] {
  const parsed = flowSchema.safeParse(flow);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.join('.') || '(flow)'}: ${i.message}`);
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.steps.forEach((step, i) => {
    if (seen.has(step.id)) problems.push(`steps[${i}].id: duplicate step "${step.id}"`);
    seen.add(step.id);
    if (step.answer === 'yesno' && !step.choices) problems.push(`steps[${i}].choices: a yes/no step needs choices`);
    if (hasKey) {
      const keys = [step.prompt, step.example, step.label, ...(step.choices ?? []).map((c) => c.key)];
      for (const key of keys) if (!hasKey(key)) problems.push(`steps[${i}]: missing locale key "${key}"`);
    }
  });
  for (const f of parsed.data.rich.requires) {
    if (!seen.has(f)) problems.push(`rich.requires: "${f}" is not a step of this flow`);
  }
  const together = parsed.data.together;
  if (together) {
    for (const f of together.fields) {
      const step = parsed.data.steps.find((st) => st.id === f);
      if (!step) problems.push(`together.fields: "${f}" is not a step of this flow`);
      else if (!step.optional) problems.push(`together.fields: "${f}" is required; only optional steps can be asked together`);
    }
    if (hasKey)
      for (const key of [together.prompt, together.example]) if (!hasKey(key)) problems.push(`together: missing locale key "${key}"`);
  }
  for (const f of parsed.data.urgentFirst ?? []) {
    if (!seen.has(f)) problems.push(`urgentFirst: "${f}" is not a step of this flow`);
  }
  return problems;
}
