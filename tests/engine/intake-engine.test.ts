/**
 * The intake engine alone, without SQLite: a conversation's inputs in, each step's events and the
 * session's place out, compared with a reviewed golden file (`vitest -u` regenerates it).
 */
import { describe, expect, it } from 'vitest';
import { step } from '../../bot/engine/step.js';
import type { EngineInput, Session } from '../../bot/engine/types.js';
import { intakeFlow } from '../../bot/flows/intake.js';
import { T0, testEngineEnv } from '../support/engine-settings.js';

const INPUTS: string[] = ['hay 3 agentes de ICE vigilando en 1st y Soto, boyle heights, ahora', 'no', 'sí', 'siguen ahí, ahora son 5'];

describe('intake engine (no store)', () => {
  it('turns a conversation into events and sessions', async () => {
    let session: Session | null = null;
    const out: string[] = [];
    INPUTS.forEach((text, i) => {
      const now = T0 + i * 30_000;
      const input: EngineInput = { type: 'message', messageId: `m${i}`, text, media: [], timestamp: now };
      const result = step(intakeFlow, session, input, testEngineEnv(now));
      session = result.session;
      out.push(`> ${text}`);
      for (const e of result.events) {
        if (e.type === 'reply') out.push(`  reply [${e.parts.map((p) => ('key' in p ? p.key : '(summary)')).join(' + ')}]`);
        else if (e.type === 'report_submitted')
          out.push(`  report_submitted #${e.report.number} status=${e.report.status} urgent=${String(e.report.urgent)}`);
        else out.push(`  ${e.type} ${JSON.stringify({ ...e, type: undefined })}`);
      }
      out.push(`  = session ${session ? `${session.status} at ${session.step}` : 'none'}`);
    });
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__golden__/intake-engine.txt');
  });
});
