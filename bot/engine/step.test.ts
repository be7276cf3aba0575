/** Engine-level checks that need no store: purity and per-platform notices. */
import { describe, expect, it } from 'vitest';
import { intakeFlow } from '../flows/intake.js';
import { step } from './step.js';
import type { EngineEnv, EngineInput } from './types.js';
import { T0, testEngineEnv, testEngineSettings } from '../../tests/support/engine-settings.js';

const env = (signalContact?: string): EngineEnv => testEngineEnv(T0, testEngineSettings(signalContact ? { signalContact } : {}));

const hello = (platform: 'telegram' | 'signal' | 'whatsapp'): EngineInput => ({
  type: 'message',
  messageId: 'm1',
  text: 'hola',
  media: [],
  platform,
});

function keys(events: ReturnType<typeof step>['events']): string[] {
  return events.flatMap((e) => (e.type === 'reply' ? e.parts.map((p) => ('key' in p ? p.key : 'summary')) : []));
}

describe('engine', () => {
  it('adds a privacy line on first contact on WhatsApp and Telegram, naming the Signal contact', () => {
    expect(keys(step(intakeFlow, null, hello('telegram'), env('+1 555 0111')).events)).toContain('intake.platform_notice_contact');
    expect(keys(step(intakeFlow, null, hello('whatsapp'), env()).events)).toContain('intake.platform_notice');
    const signal = keys(step(intakeFlow, null, hello('signal'), env('+1 555 0111')).events);
    expect(signal.filter((k) => k.startsWith('intake.platform_notice'))).toEqual([]);
  });

  it('is pure: the same input gives the same output and the input session is not changed', () => {
    const first = step(intakeFlow, null, hello('signal'), env());
    const frozen = JSON.stringify(first.session);
    const a = step(
      intakeFlow,
      first.session,
      { type: 'message', messageId: 'm2', text: 'no', media: [] },
      { ...env(), now: env().now + 60_000 },
    );
    const b = step(
      intakeFlow,
      first.session,
      { type: 'message', messageId: 'm2', text: 'no', media: [] },
      { ...env(), now: env().now + 60_000 },
    );
    expect(JSON.stringify(first.session)).toBe(frozen);
    expect(a).toEqual(b);
  });
});
