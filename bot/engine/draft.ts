/** Helpers over a report draft: what is answered, and folding extracted fields into it. */
import type { FieldId, Flow } from '../flows/flow.js';
import type { ExtractedTip } from '../parse/types.js';
import type { Draft, MediaItem } from './types.js';

export function emptyDraft(): Draft {
  return { skipped: [] };
}

export function isAnswered(draft: Draft, field: FieldId): boolean {
  return draft[field] !== undefined || draft.skipped.includes(field);
}

/** The first step of the flow the tipster has not answered yet. */
export function firstUnanswered(flow: Flow, draft: Draft): FieldId | undefined {
  return flow.steps.find((s) => !isAnswered(draft, s.id))?.id;
}

/** Fills the fields of `draft` that are still empty from an extraction; never overwrites an answer. */
export function fillFromExtract(draft: Draft, tip: ExtractedTip): FieldId[] {
  const filled: FieldId[] = [];
  const put = <K extends 'activity' | 'location' | 'time' | 'size' | 'uniform' | 'equipment'>(key: K) => {
    const value = tip[key];
    if (value !== undefined && draft[key] === undefined) {
      draft[key] = value as Draft[K];
      filled.push(key);
    }
  };
  put('activity');
  put('location');
  put('time');
  put('size');
  put('uniform');
  put('equipment');
  // Detention is settled either way by the words ("se llevaron a un señor", "solo están vigilando").
  if (tip.urgent !== undefined && draft.urgent === undefined) {
    draft.urgent = { value: tip.urgent, text: '' };
    filled.push('urgent');
  }
  if (tip.firsthand === true && draft.firsthand === undefined) {
    draft.firsthand = { value: true, text: '' };
    filled.push('firsthand');
  }
  return filled;
}

/** How many of the flow's "rich" fields the draft holds, and whether it may go straight to review. */
export function isRich(flow: Flow, draft: Draft): boolean {
  const count = flow.rich.fields.filter((f) => draft[f] !== undefined).length;
  return count >= flow.rich.minFields && flow.rich.requires.every((f) => draft[f] !== undefined);
}

export function addMedia(draft: Draft, items: MediaItem[]): void {
  if (items.length === 0) return;
  draft.media = { items: [...(draft.media?.items ?? []), ...items] };
  draft.skipped = draft.skipped.filter((f) => f !== 'media');
}

export function mediaRefs(draft: Draft): string[] {
  return draft.media?.items.map((m) => m.ref) ?? [];
}

/**
 * Someone is being detained right now: that says what is happening (an arrest) and when
 * (now), so neither is asked; the review shows both and the tipster can change them.
 */
export function assumeDetentionNow(draft: Draft, at: number): void {
  draft.activity ??= { text: '', kind: 'arrest' };
  draft.time ??= { text: '', at };
}

/** Whether the draft holds enough to be worth checking when the tipster goes quiet. */
export function worthSubmitting(draft: Draft): boolean {
  return draft.location !== undefined || draft.activity !== undefined;
}
