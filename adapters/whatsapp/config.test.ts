import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_MEDIA_BYTES, DEFAULT_PACING, parseWhatsAppConfig } from './config.js';

describe('parseWhatsAppConfig', () => {
  it('fills the defaults for an empty section', () => {
    expect(parseWhatsAppConfig({})).toEqual({
      ok: true,
      config: { enabled: true, pacing: DEFAULT_PACING, maxMediaBytes: DEFAULT_MAX_MEDIA_BYTES, browserName: 'Centinela' },
    });
    expect(DEFAULT_PACING).toMatchObject({ perChatPerMinute: 20, overallPerMinute: 60, minGapMs: 1000 });
    expect(DEFAULT_MAX_MEDIA_BYTES).toBe(15 * 1024 * 1024);
  });

  it('treats a missing section as disabled', () => {
    const r = parseWhatsAppConfig(undefined);
    expect(r.ok && r.config.enabled).toBe(false);
  });

  it('keeps what the admin set', () => {
    const r = parseWhatsAppConfig({
      enabled: true,
      pacing: { perChatPerMinute: 5, minGapMs: 2500 },
      maxMediaBytes: 1000,
      browserName: ' Red Rápida ',
    });
    expect(r).toEqual({
      ok: true,
      config: {
        enabled: true,
        pacing: { ...DEFAULT_PACING, perChatPerMinute: 5, minGapMs: 2500 },
        maxMediaBytes: 1000,
        browserName: 'Red Rápida',
      },
    });
  });

  it('reports every problem at once, with its path', () => {
    const r = parseWhatsAppConfig({
      enabled: 'yes',
      pacing: { perChatPerMinute: 0, overallPerMinute: 1.5, minGapMs: -1, burst: 3 },
      maxMediaBytes: 'big',
      browserName: '',
      phone: '+15550001111',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'platforms.whatsapp.enabled: expected true or false',
        'platforms.whatsapp.pacing.perChatPerMinute: expected a whole number ≥ 1',
        'platforms.whatsapp.pacing.overallPerMinute: expected a whole number ≥ 1',
        'platforms.whatsapp.pacing.minGapMs: expected a whole number of milliseconds ≥ 0',
        'platforms.whatsapp.pacing.burst: unknown key',
        'platforms.whatsapp.maxMediaBytes: expected a whole number of bytes ≥ 1',
        'platforms.whatsapp.browserName: expected a short name, e.g. Centinela',
        'platforms.whatsapp.phone: unknown key',
      ]),
    );
    expect(r.errors).toHaveLength(8);
    // The value the admin typed (a phone number here) is never repeated.
    expect(r.errors.join('\n')).not.toContain('5550001111');
  });

  it('says what a section should look like', () => {
    expect(parseWhatsAppConfig('on')).toEqual({ ok: false, errors: ['platforms.whatsapp: expected a section, e.g. { enabled: true }'] });
    const r = parseWhatsAppConfig({ pacing: 3 });
    expect(!r.ok && r.errors[0]).toMatch(/^platforms\.whatsapp\.pacing: expected a section/);
  });
});
