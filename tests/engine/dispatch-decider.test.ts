/**
 * The roster and field dispatch in the verification decider alone, without SQLite: read models
 * and inputs in, events out, compared with a reviewed golden file (`vitest -u` regenerates it).
 * Each scenario is what the host would have loaded for one message or tick.
 */
import { describe, expect, it } from 'vitest';
import { verificationNetwork } from '../../app/settings.js';
import { DEMO_CONFIG, type Config } from '../../bot/config/index.js';
import type { Draft, SubmittedReport } from '../../bot/engine/types.js';
import { intakeFlow } from '../../bot/flows/intake.js';
import { createI18n } from '../../bot/i18n/i18n.js';
import { createRenderer } from '../../bot/i18n/render.js';
import { parseCommand } from '../../bot/verification/commands.js';
import { decide } from '../../bot/verification/decide.js';
import type { DispatchView } from '../../bot/verification/dispatch-state.js';
import {
  emptyField,
  emptyModel,
  type CommandChat,
  type FieldInput,
  type FieldModel,
  type ReadModel,
  type ReportView,
  type VerificationInput,
} from '../../bot/verification/model.js';
import type { Availability } from '../../bot/verification/roster.js';
import { VerificationTexts } from '../../bot/verification/texts.js';
import { printEvents } from './print-events.js';

const MIN = 60_000;
/** Saturday 21 November 2026, 09:00 in Los Angeles. */
const NOW = Date.UTC(2026, 10, 21, 17, 0, 0);

function networkConfig(staffed: Config['dispatch']['staffedHours']): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.verifiers[0]!.name = 'Vera';
  c.fieldVerifiers = [
    { name: 'Ana', ids: [{ platform: 'simulator', id: 'ana' }], zones: ['eastside'], shifts: [], base: [34.045, -118.21], language: 'es' },
    {
      name: 'Beto',
      ids: [{ platform: 'simulator', id: 'beto' }],
      zones: ['eastside'],
      shifts: [{ days: ['sat'], from: '06:00', to: '12:00' }],
      base: [34.06, -118.19],
      language: 'en',
    },
    { name: 'Carla', ids: [{ platform: 'simulator', id: 'carla' }], zones: ['westside'], shifts: [] },
  ];
  c.dispatch = { ...c.dispatch, staffedHours: staffed, onCall: ['Vera'] };
  return c;
}
const weekdays: Config['dispatch']['staffedHours'] = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '06:00', to: '18:00' }];
const network = verificationNetwork(networkConfig([{ days: ['sat', 'sun'], from: '06:00', to: '18:00' }]));
const afterHours = verificationNetwork(networkConfig(weekdays));
const texts = new VerificationTexts(createRenderer(createI18n(), intakeFlow, 'America/Los_Angeles'), intakeFlow);
const person = (id: string) => network.field.people.find((p) => p.id === `simulator:${id}`)!;
const dm = (id: string, lang: 'es' | 'en'): CommandChat => ({ platform: 'simulator', id, kind: 'direct', role: 'direct', lang });
const VERIFIERS: CommandChat = { platform: 'simulator', id: 'verifiers', kind: 'group', role: 'verifiers', lang: 'es' };

const urgentDraft: Draft = {
  urgent: { value: true, text: 'sí' },
  activity: { text: 'se llevan a un señor', kind: 'arrest' },
  location: { text: '1st y Soto', crossStreets: ['1st', 'Soto'], zip: '90033', point: { lat: 34.041, lng: -118.205 } },
  time: { text: 'ahora', at: NOW - 5 * MIN },
  size: { text: '4 agentes 2 SUV', agents: 4, vehicles: 2 },
  uniform: { text: 'chalecos de ICE', markings: ['ICE', 'vests'] },
  skipped: [],
};

function report(number: number, over: Partial<ReportView> = {}): ReportView {
  return {
    number,
    status: 'new',
    seenAt: NOW - 5 * MIN,
    reportCount: 1,
    reachable: true,
    platform: 'simulator',
    lang: 'es',
    urgent: true,
    zones: ['eastside'],
    draft: urgentDraft,
    updateCount: 0,
    relayOpen: false,
    createdAt: NOW - 2 * MIN,
    mediaRefs: [],
    replyAddress: 'sealed-address',
    tipster: `tipster-${number}`,
    ...over,
  };
}
const onFor = (id: string, hours = 4): Availability => ({ person: `simulator:${id}`, onUntil: NOW + hours * 60 * MIN });
const ON: Availability[] = [onFor('ana'), onFor('carla')]; // Beto is on by his Saturday shift
const pinged: DispatchView = {
  report: 1002,
  startedBy: 'auto',
  startedAt: NOW - 4 * MIN,
  ring: 1,
  ringAt: NOW - 4 * MIN,
  reminded: false,
  awaiting: false,
  pings: [
    { person: 'simulator:ana', ring: 1, at: NOW - 4 * MIN },
    { person: 'simulator:beto', ring: 1, at: NOW - 4 * MIN },
  ],
};
const assigned: DispatchView = { ...pinged, assigned: 'simulator:ana', acceptedAt: NOW - 12 * MIN, etaAt: NOW - MIN };
const field = (f: Partial<FieldModel>): FieldModel => ({ ...emptyField(), availability: ON, ...f });
const model = (m: Partial<ReadModel>, net = network): ReadModel => ({ ...emptyModel(net), ...m });
const fieldInput = (input: FieldInput): VerificationInput => ({ type: 'field', input });
const submitted = (number: number): SubmittedReport => ({
  number,
  status: 'new',
  urgent: true,
  lang: 'es',
  draft: urgentDraft,
  seenAt: NOW - 5 * MIN,
  submittedAt: NOW,
});

const SCENARIOS: [string, VerificationInput, ReadModel, typeof network?][] = [
  [
    '/disponible 4: on duty for four hours',
    fieldInput({ kind: 'duty', from: { person: person('ana'), chat: dm('ana', 'es') }, command: 'on', hours: 4 }),
    model({ field: field({ availability: [] }) }),
  ],
  [
    '/off during a shift: off for the rest of it',
    fieldInput({ kind: 'duty', from: { person: person('beto'), chat: dm('beto', 'en') }, command: 'off' }),
    model({ field: field({}) }),
  ],
  [
    '/turno on a recurring shift',
    fieldInput({ kind: 'duty', from: { person: person('beto'), chat: dm('beto', 'es') }, command: 'shift' }),
    model({ field: field({}) }),
  ],
  [
    '/guardia: who is on duty per zone, who is on the way',
    fieldInput({ kind: 'roster', chat: VERIFIERS }),
    model({ field: field({ active: [{ dispatch: { ...assigned, etaAt: NOW + 8 * MIN }, report: report(1002, { status: 'claimed' }) }] }) }),
  ],
  [
    'urgent report submitted: card, then the zone’s field verifiers, nearest first',
    {
      type: 'submitted',
      report: submitted(1002),
      tipster: { platform: 'simulator', key: 'tipster-1002', address: 'sealed' },
      mediaRefs: [],
    },
    model({ field: field({}) }),
  ],
  [
    '"si 10" from Ana: assigned, Beto not needed, the desk sees her ETA under the card',
    fieldInput({
      kind: 'answer',
      from: { person: person('ana'), chat: dm('ana', 'es') },
      report: 1002,
      answer: { yes: true, minutes: 10 },
    }),
    model({ report: report(1002), field: field({ dispatch: pinged }) }),
  ],
  [
    '"yes 5" from Beto after Ana took it',
    fieldInput({
      kind: 'answer',
      from: { person: person('beto'), chat: dm('beto', 'en') },
      report: 1002,
      answer: { yes: true, minutes: 5 },
    }),
    model({ report: report(1002, { status: 'claimed' }), field: field({ dispatch: assigned }) }),
  ],
  [
    'no yes within answerMinutes: the next ring (other zones)',
    fieldInput({ kind: 'tick' }),
    model({ field: field({ active: [{ dispatch: pinged, report: report(1002) }] }) }),
  ],
  [
    'nobody left in the field: the verifier chat, and the on-call is paged',
    fieldInput({ kind: 'tick' }),
    model({
      field: field({
        active: [
          {
            dispatch: { ...pinged, ring: 2, pings: [...pinged.pings, { person: 'simulator:carla', ring: 2, at: NOW - 4 * MIN }] },
            report: report(1002),
          },
        ],
      }),
    }),
  ],
  [
    'the ETA passed: a reminder that asks what they see',
    fieldInput({ kind: 'tick' }),
    model({ field: field({ active: [{ dispatch: assigned, report: report(1002, { status: 'claimed' }) }] }) }),
  ],
  [
    'the desk closed the report while Ana was on the way: she can stand down',
    fieldInput({ kind: 'tick' }),
    model({
      field: field({ active: [{ dispatch: { ...assigned, etaAt: NOW + 5 * MIN }, report: report(1002, { status: 'rejected' }) }] }),
    }),
  ],
  [
    '/visto 1002 sí 6 agentes, 2 SUV: an on-site confirmation, the alert goes out',
    fieldInput({ kind: 'seen', from: { person: person('ana'), chat: dm('ana', 'es') }, report: 1002, text: 'sí 6 agentes, 2 SUV' }),
    model({
      actor: { id: 'simulator:ana', enrolled: true, keys: ['k-ana'], responderKey: 'r-ana' },
      report: report(1002, { status: 'claimed' }),
      incident: [{ number: 1002, urgent: true, seenAt: NOW - 5 * MIN, draft: urgentDraft, zones: ['eastside'], tipster: 'tipster-1002' }],
      field: field({ dispatch: assigned }),
    }),
  ],
  [
    '/seen 1002 no one there: the rumour closes, the tipster hears it was checked',
    fieldInput({ kind: 'seen', from: { person: person('beto'), chat: dm('beto', 'en') }, report: 1002, text: 'no one there' }),
    model({ report: report(1002, { status: 'claimed' }), field: field({ dispatch: { ...assigned, assigned: 'simulator:beto' } }) }),
  ],
  [
    'after hours, nobody on duty: an honest reply to the tipster, the on-call paged',
    {
      type: 'submitted',
      report: submitted(1003),
      tipster: { platform: 'simulator', key: 'tipster-1003', address: 'sealed' },
      mediaRefs: [],
    },
    model({ field: field({ availability: [{ person: 'simulator:beto', offUntil: NOW + 3 * 60 * MIN }] }) }, afterHours),
  ],
  [
    'unclaimed for unclaimedMinutes: re-announced once, an urgent one pages the on-call',
    fieldInput({ kind: 'tick' }),
    model({ field: field({ unclaimed: [report(1004, { createdAt: NOW - 11 * MIN })] }) }),
  ],
  [
    '/voy 1002 15 in a responder group: the desk sees when they arrive',
    {
      type: 'command',
      chat: { platform: 'simulator', id: 'responders-east', kind: 'group', role: 'responders', lang: 'es' },
      parsed: parseCommand('/voy 1002 15')!,
    },
    model({
      actor: { id: 'anon:r', enrolled: false, keys: ['r'], responderKey: 'resp-1' },
      report: report(1002, { status: 'confirmed' }),
      acks: { already: false, count: 1 },
    }),
  ],
];

describe('dispatch decider (no store)', () => {
  it('turns each roster and dispatch input into fully decided events', async () => {
    const out = SCENARIOS.map(([name, input, m]) => `# ${name}\n${printEvents(decide(input, m, { now: NOW, texts }))}`).join('\n\n');
    await expect(`${out}\n`).toMatchFileSnapshot('__golden__/dispatch-decider.txt');
  });

  it('asks the nearest first, tells the others they are not needed, and never names the tipster', () => {
    const [, input, m] = SCENARIOS.find(([name]) => name.startsWith('urgent report submitted'))!;
    const sends = decide(input, m, { now: NOW, texts }).filter((e) => e.type === 'send');
    const pings = sends.filter((e) => e.key === 'dispatch.ping_title');
    expect(pings.map((e) => (e.to.type === 'chat' ? e.to.id : ''))).toEqual(['ana', 'beto']);
    expect(pings[0]!.text).toContain('Responde SÍ y los minutos que tardas (ej. «si 10») o NO.');
    expect(pings[1]!.text).toContain('Reply YES'); // Beto reads English
    for (const p of pings) {
      expect(p.text).toContain('1st / Soto · 90033');
      expect(p.text).not.toContain('se llevan a un señor'); // parsed facts, never the tipster's words
      expect(p.text).not.toContain('tipster-1002');
    }
    const [, answerInput, answerModel] = SCENARIOS.find(([name]) => name.startsWith('"si 10"'))!;
    const answered = decide(answerInput, answerModel, { now: NOW, texts }).filter((e) => e.type === 'send');
    expect(answered.find((e) => e.key === 'dispatch.on_the_way')?.text).toContain('Ana en camino, llega en ~10 min');
    expect(answered.find((e) => e.key === 'dispatch.not_needed')?.to).toMatchObject({ id: 'beto', kind: 'direct' });
  });

  it('names the place the offline map found when the tipster gave no cross streets, as the alert does', () => {
    const [, input, m] = SCENARIOS.find(([name]) => name.startsWith('urgent report submitted'))!;
    const placed: Draft = {
      ...urgentDraft,
      location: {
        text: 'el Walmart de la Cesar Chavez',
        place: { label: 'Walmart, Cesar Chavez Ave', lat: 34.04, lng: -118.2, radiusMeters: 60 },
      },
    };
    if (input.type !== 'submitted') throw new Error('scenario changed');
    const sends = decide({ ...input, report: { ...input.report, draft: placed } }, m, { now: NOW, texts }).filter((e) => e.type === 'send');
    const pings = sends.filter((e) => e.key === 'dispatch.ping_title');
    expect(pings.length).toBeGreaterThan(0);
    for (const p of pings) expect(p.text).toContain('Walmart, Cesar Chavez Ave');
  });

  it('is pure: the same input and model give the same events, and the model is left as it was', () => {
    for (const [, input, m] of SCENARIOS) {
      const before = JSON.stringify(m);
      expect(decide(input, m, { now: NOW, texts })).toEqual(decide(input, m, { now: NOW, texts }));
      expect(JSON.stringify(m)).toBe(before);
    }
  });
});
