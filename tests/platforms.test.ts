/** Platform settings are checked with the rest of the config, with every problem named. */
import { describe, expect, it } from 'vitest';
import { buildPlatforms } from '../app/platforms.js';
import { createLogger } from '../app/logger.js';
import { DEMO_CONFIG, type Config } from '../bot/config/index.js';

const GROUP_RAW = Buffer.alloc(32, 7).toString('base64');
const UUID = '0a1b2c3d-1111-4222-8333-444455556666';

function config(): Config {
  const c = structuredClone(DEMO_CONFIG) as Config;
  c.platforms.signal = { url: 'http://127.0.0.1:1', number: '+15550100' };
  return c;
}

describe('buildPlatforms', () => {
  it('accepts Signal groups in raw form and verifiers by UUID, normalising them', () => {
    const c = config();
    c.chats.verifiers.push({ platform: 'signal', id: GROUP_RAW });
    c.verifiers.push({ platform: 'signal', id: UUID.toUpperCase() });
    const built = buildPlatforms(c, {}, createLogger('silent'));
    if (!built.ok) throw new Error(built.errors.join('\n'));
    expect(built.config.chats.verifiers.at(-1)?.id).toBe(`group.${Buffer.from(GROUP_RAW).toString('base64')}`);
    expect(built.config.verifiers.at(-1)?.id).toBe(UUID);
    expect(built.platforms.map((p) => p.adapter.platform)).toEqual(['signal']);
  });

  it('refuses a verifier enrolled by phone number and a chat that is not a group', () => {
    const c = config();
    c.verifiers.push({ platform: 'signal', id: '+15550177' });
    c.chats.responders.push({ platform: 'signal', id: UUID, zones: ['eastside'], fallback: false, precision: 'exact', media: false });
    const built = buildPlatforms(c, {}, createLogger('silent'));
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors).toContain("verifiers[2].id: expected the verifier's Signal account UUID, not a phone number or group id");
    expect(built.errors.some((e) => e.startsWith('chats.responders[2].id: expected a Signal group id'))).toBe(true);
  });

  it('refuses Telegram webhook mode without a long secret, and a bad Signal url', () => {
    const c = config();
    c.platforms.signal = { url: 'not a url', number: '+15550100' };
    c.platforms.telegram = { token: '123:abc', mode: 'webhook', secretToken: 'short' };
    const built = buildPlatforms(c, {}, createLogger('silent'));
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors.some((e) => e.startsWith('platforms.signal.url'))).toBe(true);
    expect(built.errors.some((e) => e.startsWith('platforms.telegram.secretToken'))).toBe(true);
  });

  it('builds WhatsApp with verifiers by number, and refuses a chat that is not a group JID', () => {
    const c = structuredClone(DEMO_CONFIG) as Config;
    c.platforms.whatsapp = { pacing: { perChatPerMinute: 10 } };
    c.chats.verifiers.push({ platform: 'whatsapp', id: '120363041234567890@g.us' });
    c.verifiers.push({ platform: 'whatsapp', id: '+1 (555) 010-0177' });
    const built = buildPlatforms(c, {}, createLogger('silent'));
    if (!built.ok) throw new Error(built.errors.join('\n'));
    expect(built.platforms.map((p) => p.adapter.platform)).toEqual(['whatsapp']);
    expect(built.config.verifiers.at(-1)?.id).toBe('15550100177@s.whatsapp.net');
    expect(built.platforms[0]?.health()).toMatchObject({ state: expect.any(String) });

    c.chats.responders.push({ platform: 'whatsapp', id: '+15550100', zones: [], fallback: true, precision: 'exact', media: false });
    const bad = buildPlatforms(c, {}, createLogger('silent'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.some((e) => e.startsWith('chats.responders[2].id: expected a WhatsApp group JID'))).toBe(true);
  });
});
