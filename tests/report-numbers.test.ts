/**
 * Report numbers are what tipsters and verifiers use to talk about a report ("#1002"), so they
 * must be unique and without gaps: the runtime hands the engine the next unused number as a value
 * and counts it used only when a report is submitted with it, inside the same transaction. Messages
 * that submit nothing, redeliveries and a crash half-way through a submission use up no number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundMessage } from '../bot/messages.js';
import { Harness } from './support/harness.js';

const RICH = '4 agentes con chalecos de ICE en 1st y Soto, ahora, 2 SUV negras';

let open: Harness[] = [];
afterEach(async () => {
  for (const h of open) await h.stop().catch(() => undefined);
  open = [];
});

async function harness(): Promise<Harness> {
  const h = await new Harness().start();
  open.push(h);
  return h;
}

/** A tipster's message some seconds after the last one (quicker ones are read together as one). */
async function say(h: Harness, tipster: string, text: string): Promise<InboundMessage> {
  h.now += 20_000;
  return h.send(tipster, { text });
}

/** A rich first message and "nobody is being taken": the bot shows the review, which a "sí" submits. */
async function upToReview(h: Harness, tipster: string): Promise<void> {
  await say(h, tipster, RICH);
  await say(h, tipster, 'no');
}

const numbers = (h: Harness) => h.reports().map((r) => r.number);
/** The report number the bot last told a tipster (from "#1001" in its reply). */
const toldNumber = (h: Harness, tipster: string) => {
  const told = h.sentTo(tipster).flatMap((m) => [...m.text.matchAll(/#(\d{3,})/g)].map((x) => Number(x[1])));
  return told.at(-1);
};

function direct(h: Harness, sender: string, id: string, text: string): InboundMessage {
  return { platform: 'simulator', chat: { id: sender, kind: 'direct' }, sender, messageId: id, timestamp: h.now, attachments: [], text };
}

describe('report numbers', () => {
  it('are consecutive across tipsters, whatever else they write between reports', async () => {
    const h = await harness();
    await upToReview(h, 'beto');
    await upToReview(h, 'ana');
    await say(h, 'ana', 'ayuda');
    await say(h, 'beto', 'sí');
    await say(h, 'beto', 'gracias');
    await say(h, 'ana', 'sí');
    await upToReview(h, 'carla');
    await say(h, 'ana', 'gracias');
    await say(h, 'carla', 'sí');

    const [first] = numbers(h);
    expect(numbers(h)).toEqual([first, first! + 1, first! + 2]);
    expect([toldNumber(h, 'beto'), toldNumber(h, 'ana'), toldNumber(h, 'carla')]).toEqual(numbers(h));
  });

  it('a redelivered confirmation submits nothing and uses no number', async () => {
    const h = await harness();
    await upToReview(h, 'ana');
    const yes = await say(h, 'ana', 'sí');
    await h.deliver(yes);
    await upToReview(h, 'beto');
    await say(h, 'beto', 'sí');

    const [first] = numbers(h);
    expect(numbers(h)).toEqual([first, first! + 1]);
    expect(toldNumber(h, 'beto')).toBe(first! + 1);
  });

  it('a crash half-way through a submission loses nothing: the redelivered message takes the same number', async () => {
    const h = await harness();
    await upToReview(h, 'ana');
    const store = h.bot.store;
    const insertReport = store.insertReport.bind(store);
    let crashes = 1;
    store.insertReport = (report) => {
      if (crashes-- > 0) throw new Error('process died');
      insertReport(report);
    };

    const yes = direct(h, 'ana', 'ana-yes', 'sí');
    await expect(h.bot.runtime.receive(yes)).rejects.toThrow('process died');
    expect(numbers(h)).toEqual([]); // rolled back, the number with it

    expect(await h.bot.runtime.receive(yes)).toBe('handled'); // the platform delivers it again
    await h.flush();
    await upToReview(h, 'beto');
    await say(h, 'beto', 'sí');

    const [first] = numbers(h);
    expect(numbers(h)).toEqual([first, first! + 1]);
    expect(toldNumber(h, 'ana')).toBe(first);
    expect(toldNumber(h, 'beto')).toBe(first! + 1);
  });
});
