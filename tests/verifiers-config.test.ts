/** `verifiers:` in both forms: one id per entry, or one person with several ids whose approval counts once. */
import { describe, expect, it } from 'vitest';
import { rosterOf } from '../app/settings.js';
import { parseConfig } from '../bot/config/index.js';

const base = {
  network: { name: 'Test RRN', hotline: '+1 555 0100', timezone: 'America/Los_Angeles', languages: ['es'] },
  platforms: { simulator: { enabled: true } },
};

describe('verifiers', () => {
  it('keeps the single-id form and reads a person with several ids as one person', () => {
    const result = parseConfig({
      ...base,
      verifiers: [
        { platform: 'simulator', id: 'verifier-1' },
        {
          name: 'Ana',
          ids: [
            { platform: 'simulator', id: 'ana-phone' },
            { platform: 'simulator', id: 'ana-laptop' },
          ],
        },
      ],
    });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.config.verifiers).toEqual([
      { platform: 'simulator', id: 'verifier-1' },
      { platform: 'simulator', id: 'ana-phone', name: 'Ana', person: 1 },
      { platform: 'simulator', id: 'ana-laptop', name: 'Ana', person: 1 },
    ]);
    expect(rosterOf(result.config.verifiers)).toEqual([
      { id: 'simulator:verifier-1', ids: [{ platform: 'simulator', id: 'verifier-1' }] },
      {
        id: 'simulator:ana-phone',
        name: 'Ana',
        ids: [
          { platform: 'simulator', id: 'ana-phone' },
          { platform: 'simulator', id: 'ana-laptop' },
        ],
      },
    ]);
  });

  it('names the problem in either form, and an id listed twice', () => {
    const result = parseConfig({
      ...base,
      verifiers: [
        { platform: 'simulator', id: 'ana-phone' },
        { name: 'Ana', ids: [] },
        { name: 'Luis', ids: [{ platform: 'simulator', id: 'ana-phone' }] },
        'nobody',
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('verifiers[1].ids: expected at least one { platform, id }');
    expect(result.errors).toContain('verifiers[2].ids[0].id: duplicate verifier "ana-phone" on simulator (also verifiers[0])');
    expect(result.errors).toContain('verifiers[3]: expected { platform, id } or { name, ids: [{ platform, id }, ...] }');
  });
});
