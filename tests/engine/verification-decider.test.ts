/**
 * The verification decider alone, without SQLite: read models and inputs in, events out,
 * compared with a reviewed golden file (`vitest -u` regenerates it). Each scenario is what the
 * host would have loaded for one command, report or settled alert.
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
import {
  emptyModel,
  type Actor,
  type CommandChat,
  type IncidentMember,
  type ReadModel,
  type ReportView,
  type VerificationInput,
} from '../../bot/verification/model.js';
import { VerificationTexts } from '../../bot/verification/texts.js';
import { printEvents } from './print-events.js';

const NOW = Date.UTC(2026, 10, 21, 17, 0, 0);
const config = structuredClone(DEMO_CONFIG) as Config;
config.chats.responders[1]!.name = 'West Side crew';
const network = verificationNetwork(config);
const texts = new VerificationTexts(createRenderer(createI18n(), intakeFlow, 'America/Los_Angeles'), intakeFlow);
const VERIFIERS: CommandChat = { platform: 'simulator', id: 'verifiers', kind: 'group', role: 'verifiers', lang: 'es' };

const calmDraft: Draft = {
  activity: { text: 'están vigilando', kind: 'surveillance' },
  location: { text: 'Soto y 1st, boyle heights', crossStreets: ['Soto', '1st'] },
  time: { text: 'hace 5 minutos', at: NOW - 15 * 60_000 },
  size: { text: '3 agentes, 1 camioneta', agents: 3, vehicles: 1 },
  skipped: [],
};
const urgentDraft: Draft = {
  urgent: { value: true, text: 'sí' },
  activity: { text: 'se llevan a un señor, llamen al 213 555 0143', kind: 'arrest' },
  location: { text: '1st y Soto', crossStreets: ['1st', 'Soto'] },
  time: { text: 'ahora', at: NOW - 5 * 60_000 },
  size: { text: '4 agentes 2 SUV', agents: 4, vehicles: 2 },
  uniform: { text: 'chalecos de ICE', markings: ['ICE', 'vests'] },
  equipment: { text: '2 SUV negras placas 7ABC123', plates: ['7ABC123'] },
  skipped: [],
};

function report(number: number, draft: Draft, over: Partial<ReportView> = {}): ReportView {
  return {
    number,
    status: 'new',
    seenAt: draft.time?.at ?? NOW,
    reportCount: 1,
    reachable: true,
    platform: 'simulator',
    lang: 'es',
    urgent: draft.urgent?.value === true,
    zones: ['eastside'],
    draft,
    updateCount: 0,
    relayOpen: false,
    createdAt: NOW - 10 * 60_000,
    mediaRefs: [],
    replyAddress: 'sealed-address',
    tipster: `tipster-${number}`,
    ...over,
  };
}
const member = (r: ReportView): IncidentMember => ({
  number: r.number,
  urgent: r.urgent,
  seenAt: r.seenAt,
  draft: r.draft,
  zones: r.zones,
  ...(r.tipster ? { tipster: r.tipster } : {}),
});
const verifier = (id: string, keys: string[] = []): Actor => ({ id: `simulator:${id}`, enrolled: true, keys, responderKey: `r-${id}` });
const command = (text: string): VerificationInput => ({ type: 'command', chat: VERIFIERS, parsed: parseCommand(text)! });
const model = (m: Partial<ReadModel>): ReadModel => ({ ...emptyModel(network), ...m });

const calm = report(1001, calmDraft);
const urgent = report(1002, urgentDraft, { tipster: 'tipster-1001' });

const SCENARIOS: [string, VerificationInput, ReadModel][] = [
  [
    'confirm: alert to the covering group, from parsed facts only',
    command('/confirmar 1002 lo vio nuestro observador'),
    model({ actor: verifier('verifier-1'), report: urgent, incident: [member(urgent)] }),
  ],
  [
    'confirm, zone unknown: the fallback group',
    command('/confirm 1001'),
    model({ actor: verifier('verifier-1'), report: report(1001, calmDraft, { zones: [] }), incident: [member(calm)] }),
  ],
  [
    'confirm by the tipster themselves (any of their ids)',
    command('/confirm 1002'),
    model({ actor: verifier('ana', ['tipster-1001']), report: urgent, incident: [member(urgent)] }),
  ],
  [
    'confirm of a merged incident: most urgent, latest, union, one person',
    command('/confirm 1001'),
    model({ actor: verifier('verifier-1'), report: { ...calm, reportCount: 2 }, incident: [member(calm), member(urgent)] }),
  ],
  [
    'merge into a confirmed incident: the groups hear where it stands',
    command('/unir 1002 1001'),
    model({
      actor: verifier('verifier-1'),
      report: urgent,
      target: { ...calm, status: 'confirmed' },
      incident: [member(calm), { ...member(urgent), tipster: 'tipster-other' }],
    }),
  ],
  [
    'a stranger, over the refusal limit: recorded, not answered',
    command('/confirm 1001'),
    model({ actor: { id: 'anon:x', enrolled: false, keys: ['x'], responderKey: 'r-x' }, refusals: { byActor: 1, total: 1 } }),
  ],
  [
    'alert settled: one group sent, one dead',
    { type: 'alert_settled', report: 1002 },
    model({
      report: { ...urgent, status: 'confirmed', zones: ['eastside', 'westside'] },
      targets: [
        { dedupeKey: 'alert:1002:simulator:responders-east', chat: 'simulator:responders-east', status: 'sent', attempts: 1 },
        { dedupeKey: 'alert:1002:simulator:responders-west', chat: 'simulator:responders-west', status: 'dead', attempts: 8 },
      ],
    }),
  ],
  [
    'submitted over the hourly limit: no card, waits for the digest',
    {
      type: 'submitted',
      report: submitted(1003, calmDraft),
      tipster: { platform: 'simulator', key: 'flooder', address: 'sealed' },
      mediaRefs: [],
    },
    model({ senderReportsLastHour: 5 }),
  ],
  [
    'digest: the waiting reports in one card',
    { type: 'digest' },
    model({ reports: [report(1003, calmDraft, { createdAt: NOW - 6 * 60_000 }), report(1004, urgentDraft, { createdAt: NOW - 60_000 })] }),
  ],
];

function submitted(number: number, draft: Draft): SubmittedReport {
  return { number, status: 'new', urgent: false, lang: 'es', draft, seenAt: draft.time?.at ?? NOW, submittedAt: NOW };
}

describe('verification decider (no store)', () => {
  it('turns each input and read model into fully decided events', async () => {
    const out = SCENARIOS.map(([name, input, m]) => `# ${name}\n${printEvents(decide(input, m, { now: NOW, texts }))}`).join('\n\n');
    await expect(`${out}\n`).toMatchFileSnapshot('__golden__/verification-decider.txt');
  });

  it('is pure: the same input and model give the same events, and the model is left as it was', () => {
    const [, input, m] = SCENARIOS[3]!;
    const before = JSON.stringify(m);
    expect(decide(input, m, { now: NOW, texts })).toEqual(decide(input, m, { now: NOW, texts }));
    expect(JSON.stringify(m)).toBe(before);
  });
});
