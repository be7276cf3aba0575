import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('logger', () => {
  it('keeps allowed fields and drops everything else, whatever a caller passes', () => {
    const { stream, lines } = capture();
    const log = createLogger('info', stream).child({ component: 'runtime', sender: '+15550199' });
    const err = Object.assign(new Error('user said: 4 agentes en 1st y Soto +15550199'), { code: 'E_X' });
    log.info(
      { report: 1001, text: 'hay migra en 1st y Soto', sender: '+15550199', location: { lat: 34, lng: -118 }, token: '123:abc', err },
      'report submitted',
    );
    const [line] = lines();
    const parsed = JSON.parse(line!) as Record<string, unknown>;
    expect(parsed).toMatchObject({ component: 'runtime', report: 1001, err: { name: 'Error', code: 'E_X' }, msg: 'report submitted' });
    for (const needle of ['15550199', 'Soto', 'agentes', '123:abc', '"lat"']) expect(line).not.toContain(needle);
  });
});
