/**
 * `/panel` and `/dashboard` in the decider alone: an enrolled verifier in a direct message gets a
 * one-time link and the host stores only its hash; nobody gets one in a group, a stranger gets
 * the refusal, and a network without the dashboard says so. A command given on the dashboard is
 * answered on the page, never in a chat.
 */
import { describe, expect, it } from 'vitest';
import { verificationNetwork } from '../../app/settings.js';
import { DEMO_CONFIG, type Config } from '../config/index.js';
import { intakeFlow } from '../flows/intake.js';
import { createI18n } from '../i18n/i18n.js';
import { createRenderer } from '../i18n/render.js';
import { parseCommand } from './commands.js';
import { decide } from './decide.js';
import { emptyModel, type Actor, type CommandChat, type Network } from './model.js';
import { VerificationTexts } from './texts.js';

const NOW = Date.UTC(2026, 10, 21, 17, 0, 0);
const texts = new VerificationTexts(createRenderer(createI18n(), intakeFlow, 'America/Los_Angeles'), intakeFlow);
const network = verificationNetwork(structuredClone(DEMO_CONFIG) as Config);
const VERIFIER: Actor = { id: 'simulator:verifier-1', enrolled: true, keys: ['k1'], responderKey: 'r1' };
const STRANGER: Actor = { id: 'anon:k9', enrolled: false, keys: ['k9'], responderKey: 'r9' };
const DM: CommandChat = { platform: 'simulator', id: 'verifier-1', kind: 'direct', role: 'direct', lang: 'en' };
const LOGIN = { token: 'tok-0123456789abcdefghij', hash: 'hash-of-token' };

function run(text: string, actor: Actor, chat: CommandChat, net: Network = network, login = LOGIN) {
  const parsed = parseCommand(text)!;
  return decide({ type: 'command', chat, parsed }, { ...emptyModel(net), actor, login }, { now: NOW, texts });
}

describe('/panel and /dashboard', () => {
  it('sends an enrolled verifier a link in a direct message, valid 10 minutes, and stores only its hash', () => {
    const events = run('/dashboard', VERIFIER, DM);
    expect(events).toContainEqual({
      type: 'dashboard_login',
      person: 'simulator:verifier-1',
      tokenHash: 'hash-of-token',
      expiresAt: NOW + 600_000,
    });
    expect(events).toContainEqual({ type: 'audit', actor: 'simulator:verifier-1', action: 'dashboard_link' });
    const reply = events.find((e) => e.type === 'send');
    expect(reply?.type === 'send' && reply.text).toContain('http://127.0.0.1:3000/dashboard/login?token=tok-0123456789abcdefghij');
    expect(JSON.stringify(events.filter((e) => e.type !== 'send'))).not.toContain(LOGIN.token);
    const spanish = run('/panel', VERIFIER, { ...DM, lang: 'es' });
    expect(spanish.find((e) => e.type === 'send')).toMatchObject({ key: 'verify.dashboard_link' });
  });

  it('never posts a link in a group, refuses strangers, and says when the dashboard is off', () => {
    const group = run('/panel', VERIFIER, { ...DM, id: 'verifiers', kind: 'group', role: 'verifiers' });
    expect(group.map((e) => e.type)).toEqual(['send']);
    expect(group[0]).toMatchObject({ key: 'verify.dashboard_direct_only' });
    const stranger = run('/dashboard', STRANGER, DM);
    expect(stranger.map((e) => (e.type === 'send' ? e.key : e.type))).toEqual(['audit', 'verify.not_enrolled']);
    const { dashboard: _off, ...withoutDashboard } = network;
    const off = run('/dashboard', VERIFIER, DM, withoutDashboard);
    expect(off.map((e) => (e.type === 'send' ? e.key : e.type))).toEqual(['verify.dashboard_off']);
  });

  it('answers a dashboard command on the page instead of in a chat', () => {
    const events = run('/claim 1042', VERIFIER, { ...DM, id: 'dashboard', role: 'dashboard' });
    expect(events).toEqual([{ type: 'dashboard_reply', key: 'verify.unknown_report', text: 'There is no report #1042.' }]);
  });
});
