/**
 * The whole loop by hand in the simulator, through its HTTP API as the page uses it:
 * tip -> card in the verifier pane -> /confirm -> alert in the responder pane -> /update -> /clear.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composeCentinela, type Centinela } from '../../app/compose.js';
import { createLogger } from '../../app/logger.js';
import { DEMO_CONFIG, type Config } from '../../bot/config/index.js';
import { TEST_SECRET } from '../support/harness.js';

let bot: Centinela;
afterEach(async () => {
  await bot.stop();
});

/** Where the page is served from (the simulator answers only its own loopback address and port). */
const pageOrigin = () => `http://127.0.0.1:${bot.config.http.port}`;

async function post(body: Record<string, unknown>): Promise<void> {
  const res = await bot.http.request(`${pageOrigin()}/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  await bot.dispatcher.drain();
}

async function pane(chat: string): Promise<string[]> {
  const res = await bot.http.request(`${pageOrigin()}/simulator/messages?chat=${chat}`);
  return ((await res.json()) as { text: string }[]).map((m) => m.text);
}

describe('simulator loop', () => {
  it('tip, card, confirm, alert, update, all clear', async () => {
    bot = composeCentinela({
      config: structuredClone(DEMO_CONFIG) as Config,
      secret: TEST_SECRET,
      logger: createLogger('silent'),
      dbPath: ':memory:',
    });
    await bot.start();
    await post({ sender: 'tipster-1', text: '4 agentes con chalecos de ICE vigilando en 1st y Soto, boyle heights, ahora, 2 SUV negras' });
    expect((await pane('tipster-1')).at(-1)).toContain('Revisa tu reporte');
    await post({ sender: 'tipster-1', text: 'sí' });
    const card = (await pane('verifiers')).at(-1)!;
    const n = /#(\d+)/.exec(card)?.[1];
    expect(n).toBeDefined();
    expect(card).toContain('Lado Este');

    await post({ chat: 'verifiers', sender: 'verifier-1', text: `/confirmar ${n}` });
    expect((await pane('responders-east')).at(-1)).toContain(`ALERTA VERIFICADA · Incidente #${n}`);
    expect(await pane('responders-west')).toEqual([]);

    await post({ chat: 'verifiers', sender: 'verifier-1', text: `/actualizar ${n} se llevaron a una persona` });
    expect((await pane('responders-east')).at(-1)).toContain('se llevaron a una persona');
    await post({ chat: 'responders-east', sender: 'responder-1', text: `/voy ${n}` });
    expect((await pane('verifiers')).at(-1)).toContain('1 persona va en camino');
    await post({ chat: 'verifiers', sender: 'verifier-1', text: `/despejado ${n}` });
    expect((await pane('responders-east')).at(-1)).toContain('DESPEJADO');
    expect((await pane('tipster-1')).join('\n')).toContain(`confirmó tu reporte #${n}`);
  });
});
