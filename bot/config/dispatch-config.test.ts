/** The roster and dispatch settings as an admin writes them: defaults, decimals, and every mistake named at its path. */
import { describe, expect, it } from 'vitest';
import { fieldNetwork } from '../../app/settings.js';
import { parseConfig } from './validate.js';

const base = {
  network: { name: 'X', hotline: '+1 555 0100', timezone: 'America/Los_Angeles', languages: ['es', 'en'] },
  zones: [{ id: 'eastside', name: { es: 'Lado Este' }, area: { center: [34.03, -118.2], radiusMeters: 3000 } }],
  platforms: { simulator: { enabled: true } },
  verifiers: [{ platform: 'simulator', id: 'v1', name: 'Vera' }],
};

describe('fieldVerifiers and dispatch', () => {
  it('reads a network with field verifiers, shifts, staffed hours and decimal minutes', () => {
    const r = parseConfig({
      ...base,
      fieldVerifiers: [
        {
          name: 'Ana',
          ids: [{ platform: 'simulator', id: 'ana' }],
          zones: ['eastside'],
          shifts: [{ days: ['sat', 'sun'], from: '22:00', to: '06:00' }],
          base: [34.04, -118.21],
        },
      ],
      dispatch: {
        staffedHours: [{ days: ['mon', 'fri'], from: '06:00', to: '18:00' }],
        answerMinutes: 0.25,
        unclaimedMinutes: 1.5,
        onCall: ['vera'],
      },
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const f = fieldNetwork(r.config);
    expect(f.answerMs).toBe(15_000);
    expect(f.unclaimedMs).toBe(90_000);
    expect(f.onCall).toEqual(['simulator:v1']);
    expect(f.people.map((p) => [p.name, p.field, p.zones])).toEqual([
      ['Ana', true, ['eastside']],
      ['Vera', false, []],
    ]);
    expect(f.people[0]!.base).toEqual({ lat: 34.04, lng: -118.21 });
  });

  it('names each mistake at its path', () => {
    const r = parseConfig({
      ...base,
      fieldVerifiers: [
        {
          name: 'Ana',
          ids: [{ platform: 'simulator', id: 'ana' }],
          zones: ['northside'],
          shifts: [{ days: ['lunes'], from: '6:00', to: '18:00' }],
        },
        { name: 'Beto', ids: [{ platform: 'simulator', id: 'ana' }], zones: [] },
      ],
      dispatch: { answerMinutes: 0, staffedHours: [{ days: [], from: '06:00', to: '25:00' }], onCall: ['Nadie'], extra: 1 },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        'fieldVerifiers[0].zones[0]: unknown zone "northside" (known: eastside)',
        'fieldVerifiers[0].shifts[0].days[0]: unknown day "lunes" (expected one of: mon, tue, wed, thu, fri, sat, sun)',
        'fieldVerifiers[0].shifts[0].from: expected a time of day "HH:MM" (24-hour clock), e.g. "06:00"',
        'fieldVerifiers[1].zones: expected at least one zone id',
        'fieldVerifiers[1].ids[0].id: duplicate field verifier "ana" on simulator (also fieldVerifiers[0])',
        'dispatch.answerMinutes: expected a positive number',
        'dispatch.staffedHours[0].days: expected at least one day',
        'dispatch.staffedHours[0].to: expected a time of day "HH:MM" (24-hour clock), e.g. "06:00"',
        'dispatch.onCall[0]: unknown person "Nadie" (expected the name of a verifier or field verifier)',
        'dispatch.extra: unknown key',
      ]),
    );
  });
});
