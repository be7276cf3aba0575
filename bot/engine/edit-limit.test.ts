/** An edit obeys the same length limit as a new message: it is refused with the same reply, and nothing of it is kept. */
import { describe, expect, it } from 'vitest';
import { intakeFlow } from '../flows/intake.js';
import { MAX_TEXT, step } from './step.js';
import type { EngineEnv, EngineInput, Session } from './types.js';
import { T0, testEngineEnv } from '../../tests/support/engine-settings.js';

const env = (minutes: number): EngineEnv => testEngineEnv(T0 + minutes * 60_000);

const message = (messageId: string, text: string, editOf?: string): EngineInput => ({
  type: 'message',
  messageId,
  text,
  media: [],
  platform: 'signal',
  ...(editOf ? { editOf } : {}),
});

/** A Spanish conversation past its first question, whose latest answer is message `answer`. */
function answered(): Session {
  let session = step(intakeFlow, null, message('m1', 'hola, hay agentes'), env(0)).session;
  session = step(intakeFlow, session, message('m2', 'no'), env(1)).session;
  session = step(intakeFlow, session, message('answer', 'están tocando puertas en los apartamentos'), env(2)).session;
  return session!;
}

function replyKeys(events: ReturnType<typeof step>['events']): string[] {
  return events.flatMap((e) => (e.type === 'reply' ? e.parts.map((p) => ('key' in p ? p.key : 'summary')) : []));
}

describe('edits and the length limit', () => {
  it('an edit within the limit replaces the latest answer', () => {
    const { session } = step(intakeFlow, answered(), message('e1', 'están deteniendo a un señor', 'answer'), env(3));
    expect(JSON.stringify(session)).toContain('están deteniendo a un señor');
  });

  it('a 65,000-character edit is refused like a message and nothing of it is stored', () => {
    const before = answered();
    const huge = `están ${'x'.repeat(65_000)}`;
    const result = step(intakeFlow, before, message('e2', huge, 'answer'), env(3));
    expect(replyKeys(result.events)).toEqual(['intake.too_long']);
    const stored = JSON.stringify(result.session);
    expect(stored).not.toContain('x'.repeat(MAX_TEXT));
    expect(stored).toContain('están tocando puertas en los apartamentos');
    expect(result.session?.draft).toEqual(before.draft);
  });
});
