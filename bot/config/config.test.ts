import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, SUPPORTED_LANGUAGES, formatConfigErrors, parseConfig, parseConfigText, type Config } from './index.js';

const examplePath = fileURLToPath(new URL('./centinela.example.yaml', import.meta.url));

/** A small valid config as an admin would write it. */
function minimal(): Record<string, unknown> {
  return {
    network: { name: 'Test RRN', hotline: '+1 555 0100', timezone: 'America/Los_Angeles', languages: ['es', 'en'] },
    zones: [{ id: 'eastside', name: { en: 'East Side' }, area: { center: [34.0341, -118.2053], radiusMeters: 3000 } }],
    chats: {
      verifiers: [{ platform: 'simulator', id: 'verifiers' }],
      responders: [{ platform: 'simulator', id: 'responders-east', zones: ['eastside'] }],
    },
    verifiers: [{ platform: 'simulator', id: 'verifier-1' }],
    platforms: { simulator: { enabled: true } },
  };
}

function errorsOf(raw: unknown): string[] {
  const result = parseConfig(raw);
  if (result.ok) throw new Error('expected the config to be rejected');
  return result.errors;
}

function configOf(raw: unknown): Config {
  const result = parseConfig(raw);
  if (!result.ok) throw new Error(`expected a valid config, got:\n${result.errors.join('\n')}`);
  return result.config;
}

describe('the example file', () => {
  it('parses, with the values the issue shows', () => {
    const result = parseConfigText(readFileSync(examplePath, 'utf8'));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const c = result.config;
    expect(c.network).toEqual({
      name: 'Eastside Rapid Response',
      hotline: '+1 555 0100',
      timezone: 'America/Los_Angeles',
      languages: ['es', 'en', 'pt', 'ht', 'fr', 'zh', 'vi', 'ko', 'tl', 'ar'],
    });
    expect(c.storage.path).toBe('./data/centinela.db');
    expect(c.http).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(c.zones).toEqual([
      {
        id: 'eastside',
        name: { en: 'East Side', es: 'Lado Este' },
        aliases: ['boyle heights', 'east la', '90033'],
        area: { center: [34.0341, -118.2053], radiusMeters: 3000 },
      },
    ]);
    expect(c.chats.verifiers).toEqual([{ platform: 'simulator', id: 'verifiers' }]);
    expect(c.chats.responders).toEqual([
      {
        platform: 'simulator',
        id: 'responders-east',
        zones: ['eastside'],
        language: 'es',
        fallback: false,
        precision: 'exact',
        media: false,
      },
    ]);
    expect(c.verifiers).toEqual([{ platform: 'simulator', id: 'verifier-1' }]);
    expect(c.platforms).toEqual({ simulator: { enabled: true } });
    expect(c.intake).toEqual({ remindAfterMinutes: 10, expireAfterMinutes: 30, burstSeconds: 4, maxWrongAnswers: 3, followUpMinutes: 60 });
    expect(c.outbox).toEqual({ maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 300000, pollMs: 250 });
    expect(c.logging).toEqual({ level: 'info' });
  });

  it('parses the short form from the issue too', () => {
    const text = `
network: { name: "Eastside Rapid Response", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ./data/centinela.db }
http: { port: 3000 }
zones:
  - id: eastside
    name: { en: East Side, es: Lado Este }
    aliases: [boyle heights, east la, "90033"]
    area: { center: [34.0341, -118.2053], radiusMeters: 3000 }   # or polygon: [[lat, lng], ...]
chats:
  verifiers: [{ platform: simulator, id: verifiers }]
  responders: [{ platform: simulator, id: responders-east, zones: [eastside], language: es }]
verifiers: [{ platform: simulator, id: verifier-1 }]        # stable platform ids, never display names
platforms:
  simulator: { enabled: true }
`;
    const result = parseConfigText(text);
    expect(result.ok).toBe(true);
  });
});

describe('DEMO_CONFIG', () => {
  it('passes parseConfig unchanged', () => {
    expect(configOf(DEMO_CONFIG)).toEqual(DEMO_CONFIG);
  });

  it('has the demo network, zones and simulator chats', () => {
    expect(DEMO_CONFIG.network).toEqual({
      name: 'Eastside Rapid Response (demo)',
      hotline: '+1 555 0100',
      timezone: 'America/Los_Angeles',
      languages: ['es', 'en', 'pt', 'ht', 'fr', 'zh', 'vi', 'ko', 'tl', 'ar'],
    });
    expect(DEMO_CONFIG.storage.path).toBe('./data/centinela.db');
    expect(DEMO_CONFIG.http).toEqual({ port: 3000, host: '127.0.0.1' });
    expect(DEMO_CONFIG.zones.map((z) => z.id)).toEqual(['eastside', 'westside']);
    const west = DEMO_CONFIG.zones[1];
    expect(west?.area).toEqual({
      polygon: [
        [34.065, -118.29],
        [34.065, -118.27],
        [34.05, -118.27],
        [34.05, -118.29],
      ],
    });
    expect(west?.aliases).toEqual(['westlake', 'macarthur park', '90057']);
    expect(DEMO_CONFIG.chats.verifiers).toEqual([{ platform: 'simulator', id: 'verifiers', language: 'es' }]);
    expect(DEMO_CONFIG.chats.responders.map((c) => [c.id, c.zones, c.language, c.precision])).toEqual([
      ['responders-east', ['eastside'], 'es', 'exact'],
      ['responders-west', ['westside'], 'en', 'zone'],
    ]);
    expect(DEMO_CONFIG.verifiers).toEqual([
      { platform: 'simulator', id: 'verifier-1' },
      { platform: 'simulator', id: 'verifier-2' },
    ]);
    expect(DEMO_CONFIG.platforms.simulator.enabled).toBe(true);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(DEMO_CONFIG)).toBe(true);
    expect(Object.isFrozen(DEMO_CONFIG.zones[0]?.aliases)).toBe(true);
  });
});

describe('parseConfig: defaults', () => {
  it('fills every default', () => {
    const c = configOf({
      network: { name: 'X', hotline: '911', timezone: 'UTC', languages: ['en'] },
    });
    expect(c).toEqual({
      network: { name: 'X', hotline: '911', timezone: 'UTC', languages: ['en'] },
      storage: { path: './data/centinela.db' },
      http: { port: 3000, host: '127.0.0.1' },
      dashboard: { enabled: true, sessionHours: 12, linkMinutes: 10 },
      zones: [],
      gazetteer: { sources: [] },
      places: [],
      chats: { verifiers: [], responders: [] },
      verifiers: [],
      fieldVerifiers: [],
      dispatch: {
        staffedHours: [],
        answerMinutes: 3,
        unclaimedMinutes: 10,
        onHours: 8,
        onCall: [],
        autoUrgent: true,
        siteYesConfirms: true,
        siteNobodyCloses: true,
      },
      platforms: { simulator: { enabled: false } },
      intake: { remindAfterMinutes: 10, expireAfterMinutes: 30, burstSeconds: 4, maxWrongAnswers: 3, followUpMinutes: 60 },
      outbox: { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 300000, pollMs: 250 },
      abuse: { reportsPerHour: 5, floodReports: 4, floodWindowMinutes: 10, digestMinutes: 5, followUpsPerHour: 10 },
      alerts: { channelDownMinutes: 5, outboxStuckMinutes: 15 },
      verification: {
        approvals: 1,
        duplicateWindowMinutes: 30,
        duplicateDistanceMeters: 1000,
        staleAfterMinutes: 60,
        expireIncidentAfterMinutes: 240,
        expireReportAfterMinutes: 720,
        relayMinutes: 30,
      },
      privacy: { uncleanableMedia: 'withhold', maxMediaMegabytes: 15, maxImageMegapixels: 40, maxImageDimension: 2048, pinDecimals: 3 },
      retention: {
        draftHours: 2,
        doneSessionHours: 24,
        reportDays: 30,
        mediaDays: 7,
        auditDays: 90,
        inboxDays: 3,
        outboxDays: 7,
        sweepMinutes: 60,
      },
      backup: { keep: 7 },
      logging: { level: 'info' },
    });
  });

  it('treats empty YAML values (null) as absent', () => {
    const result = parseConfigText(`
network: { name: X, hotline: "911", timezone: UTC, languages: [en], signalContact: }
zones:
chats:
  verifiers:
intake:
`);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.config.zones).toEqual([]);
    expect(result.config.chats).toEqual({ verifiers: [], responders: [] });
    expect(result.config.intake.remindAfterMinutes).toBe(10);
    expect('signalContact' in result.config.network).toBe(false);
  });

  it('keeps a relative storage.path as given (the caller resolves it)', () => {
    const c = configOf({ ...minimal(), storage: { path: 'var/db/tips.db' } });
    expect(c.storage.path).toBe('var/db/tips.db');
  });

  it('accepts polygons, real platforms and every optional key', () => {
    const c = configOf({
      ...minimal(),
      network: { name: 'X', hotline: '1', timezone: 'Europe/Madrid', languages: ['en'], signalContact: '+34 600 000 000' },
      zones: [
        {
          id: 'a',
          name: { es: 'A' },
          aliases: [],
          area: {
            polygon: [
              [0, 0],
              [0, 1],
              [1, 1],
            ],
          },
        },
        { id: 'b', name: { en: 'B' }, area: { center: [-90, 180], radiusMeters: 0.5 } },
      ],
      chats: {
        verifiers: [{ platform: 'signal', id: 'group.abc=', language: 'en' }],
        responders: [{ platform: 'telegram', id: '-1001234567890', zones: ['a', 'b'], thread: '7', precision: 'zone', fallback: true }],
      },
      verifiers: [{ platform: 'signal', id: '0d3f-uuid', name: 'Ana' }],
      platforms: { simulator: { enabled: false }, signal: { account: '+34600000000' }, telegram: { enabled: true, token: 'x' } },
      logging: { level: 'debug' },
    });
    expect(c.platforms.signal).toEqual({ account: '+34600000000' });
    expect(c.chats.responders[0]).toEqual({
      platform: 'telegram',
      id: '-1001234567890',
      zones: ['a', 'b'],
      thread: '7',
      precision: 'zone',
      fallback: true,
      media: false,
    });
    expect(c.zones[0]?.aliases).toEqual([]);
  });

  it('does not modify its input', () => {
    const raw = minimal();
    const before = JSON.stringify(raw);
    configOf(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('lists the supported languages', () => {
    expect(SUPPORTED_LANGUAGES).toEqual(['es', 'en', 'pt', 'ht', 'fr', 'zh', 'vi', 'ko', 'tl', 'ar']);
  });
});

describe('parseConfig: problems', () => {
  it('reports every problem in a broken file, each with its path', () => {
    const result = parseConfigText(`
network:
  name: Eastside
  hotlne: "+1 555 0100"
  timezone: America/Nowhere
  languages: [es, en, de]
http: { port: 70000 }
zones:
  - id: eastside
    name: { en: East Side }
    area: { center: [34.0341, -118.2053], radiusMeters: 3000 }
  - id: westside
    name: { en: West Side }
    area: { center: [34.05, -118.28], radiusMeters: -10 }
  - id: eastside
    name: { en: Again }
    area: { center: [34, -118], polygon: [[1, 2], [3, 4], [5, 6]] }
chats:
  verifiers: [{ platform: signal, id: verifiers }]
  responders:
    - { platform: simulator, id: r1, zones: [northside], language: es }
    - { platform: simulator, id: r1, zones: [eastside] }
verifiers: [{ platform: simulator, id: verifier-1, nmae: Ana }]
platforms:
  simulator: { enabled: true }
logging: { level: loud }
`);
    if (result.ok) throw new Error('expected errors');
    expect(result.errors).toEqual([
      'network.hotline: required',
      'network.timezone: unknown time zone "America/Nowhere"',
      'network.languages[2]: unsupported language "de" (supported: es, en, pt, ht, fr, zh, vi, ko, tl, ar)',
      'network.hotlne: unknown key',
      'http.port: expected a whole number from 1 to 65535',
      'zones[1].area.radiusMeters: expected a positive number',
      'zones[2].area: expected { center, radiusMeters } or { polygon }',
      'zones[2].id: duplicate zone id "eastside" (also zones[0])',
      'chats.verifiers[0].platform: platform "signal" is not enabled (add a platforms.signal section, or remove its "enabled: false")',
      'chats.responders[0].zones[0]: unknown zone "northside" (known: eastside, westside)',
      'chats.responders[1].id: duplicate chat "r1" on simulator (also chats.responders[0])',
      'verifiers[0].nmae: unknown key',
      'logging.level: unknown log level "loud" (expected one of: fatal, error, warn, info, debug, trace, silent)',
    ]);
  });

  it('says "required" for a missing section', () => {
    expect(errorsOf({})).toEqual(['network: required']);
    expect(errorsOf({ ...minimal(), network: undefined })).toEqual(['network: required']);
  });

  it('reports unknown keys at every level, one per key', () => {
    const errors = errorsOf({
      ...minimal(),
      netwrk: {},
      http: { prot: 80, hots: 'x' },
      platforms: { simulator: { enabled: true, mode: 'x' }, signal: { enabled: false, anything: 'goes' } },
    });
    expect(errors).toEqual([
      'http.prot: unknown key',
      'http.hots: unknown key',
      'platforms.simulator.mode: unknown key',
      'netwrk: unknown key',
    ]);
  });

  it('explains wrong types in plain words', () => {
    const errors = errorsOf({
      ...minimal(),
      network: { name: 'X', hotline: 5550100, timezone: 'UTC', languages: 'es' },
      http: { port: '3000', host: '' },
      zones: { id: 'x' },
      chats: [],
      verifiers: [{ platform: 'sms', id: 'x' }],
      platforms: { simulator: { enabled: 'yes' } },
      intake: { maxWrongAnswers: 2.5, burstSeconds: -1 },
      outbox: 'fast',
    });
    expect(errors).toEqual([
      'network.hotline: expected text, got 5550100 (put the value in quotes)',
      'network.languages: expected a list of languages, e.g. [es, en, pt, ht, fr, zh, vi, ko, tl, ar]',
      'http.port: expected a whole number from 1 to 65535',
      'http.host: expected non-empty text',
      'zones: expected a list of zones',
      'chats: expected { verifiers, responders }',
      'verifiers[0].platform: unknown platform "sms" (expected one of: simulator, signal, whatsapp, telegram)',
      'platforms.simulator.enabled: expected true or false',
      'intake.burstSeconds: expected a number of 0 or more',
      'intake.maxWrongAnswers: expected a whole number of 1 or more',
      'outbox: expected { maxAttempts, baseDelayMs, maxDelayMs, pollMs }',
    ]);
  });

  it('explains the privacy settings for photos and files', () => {
    expect(errorsOf({ ...minimal(), privacy: { uncleanableMedia: 'responders', maxImageMegapixels: 0, maxImageDimension: 20.5 } })).toEqual(
      [
        'privacy.uncleanableMedia: expected "withhold" or "verifiers", got "responders"',
        'privacy.maxImageMegapixels: expected a positive number',
        'privacy.maxImageDimension: expected a whole number of 1 or more',
      ],
    );
    expect(configOf({ ...minimal(), privacy: { uncleanableMedia: 'verifiers' } }).privacy).toEqual({
      uncleanableMedia: 'verifiers',
      maxMediaMegabytes: 15,
      maxImageMegapixels: 40,
      maxImageDimension: 2048,
      pinDecimals: 3,
    });
  });

  it('explains how many decimals of a pin may be kept', () => {
    for (const pinDecimals of [0, 7, 2.5]) {
      expect(errorsOf({ ...minimal(), privacy: { pinDecimals } })).toEqual([
        'privacy.pinDecimals: expected a whole number from 1 to 6 (3 keeps about 100 m)',
      ]);
    }
    expect(errorsOf({ ...minimal(), privacy: { pinDecimals: '3' } })).toEqual(['privacy.pinDecimals: expected a whole number from 1 to 6']);
    expect(configOf({ ...minimal(), privacy: { pinDecimals: 4 } }).privacy.pinDecimals).toBe(4);
  });

  it('explains the retention limits', () => {
    expect(errorsOf({ ...minimal(), retention: { reportDays: 0, auditDays: 'forever', sweepMinutes: -5, keepForever: true } })).toEqual([
      'retention.reportDays: expected a positive number',
      'retention.auditDays: expected a positive number',
      'retention.sweepMinutes: expected a positive number',
      'retention.keepForever: unknown key',
    ]);
    expect(errorsOf({ ...minimal(), intake: { expireAfterMinutes: 180 } })).toEqual([
      'retention.draftHours: must be more than intake.expireAfterMinutes (180 minutes), or unfinished reports are deleted before they can be sent',
    ]);
    expect(configOf({ ...minimal(), retention: { reportDays: 3, mediaDays: 1 } }).retention).toEqual({
      draftHours: 2,
      doneSessionHours: 24,
      reportDays: 3,
      mediaDays: 1,
      auditDays: 90,
      inboxDays: 3,
      outboxDays: 7,
      sweepMinutes: 60,
    });
  });

  it('checks zone shapes and coordinates', () => {
    const zone = (area: unknown, name: unknown = { en: 'Z' }) => ({ id: 'z', name, area });
    const errors = errorsOf({
      ...minimal(),
      chats: {},
      zones: [
        zone({ center: [-118.2, 34.0], radiusMeters: 100 }),
        zone({
          polygon: [
            [0, 0],
            [1, 1],
          ],
        }),
        zone({ center: [1, 2, 3], radiusMeters: 1 }),
        zone({}),
        zone(undefined),
        zone(
          {
            polygon: [
              [0, 0],
              [0, 1],
              [1, 1],
            ],
          },
          {},
        ),
        zone(
          {
            polygon: [
              [0, 0],
              [0, 1],
              [1, 1],
            ],
          },
          { en: 'Z', de: 'Zed' },
        ),
        zone({ center: [0, 0], radius: 5 }),
      ].map((z, i) => ({ ...z, id: `z${i}` })),
    });
    expect(errors).toEqual([
      'zones[0].area.center[0]: expected a latitude from -90 to 90 (points are [lat, lng])',
      'zones[1].area.polygon: expected at least 3 [lat, lng] points',
      'zones[2].area.center: expected a point [lat, lng]',
      'zones[3].area: expected { center, radiusMeters } or { polygon }',
      'zones[4].area: required',
      'zones[5].name: expected a name in at least one language, e.g. { en: East Side }',
      'zones[6].name.de: unsupported language "de" (supported: es, en, pt, ht, fr, zh, vi, ko, tl, ar)',
      'zones[7].area.radiusMeters: required',
      'zones[7].area.radius: unknown key',
    ]);
  });

  it('cross-checks zones, languages, platforms and duplicates', () => {
    const errors = errorsOf({
      network: { name: 'X', hotline: '1', timezone: 'UTC', languages: ['es', 'es'] },
      zones: [
        { id: 'a', name: { en: 'A' }, area: { center: [0, 0], radiusMeters: 1 } },
        { id: 'a', name: { en: 'A2' }, area: { center: [0, 0], radiusMeters: 1 } },
      ],
      chats: {
        verifiers: [
          { platform: 'simulator', id: 'shared', language: 'en' },
          { platform: 'telegram', id: 'shared' },
        ],
        responders: [
          { platform: 'simulator', id: 'shared', zones: ['a', 'b'] },
          { platform: 'whatsapp', id: 'w' },
        ],
      },
      verifiers: [
        { platform: 'simulator', id: 'v' },
        { platform: 'simulator', id: 'v' },
        { platform: 'signal', id: 'v' },
      ],
      platforms: { signal: {}, whatsapp: { enabled: false } },
      intake: { remindAfterMinutes: 30 },
      outbox: { baseDelayMs: 5000, maxDelayMs: 1000 },
    });
    expect(errors).toEqual([
      'network.languages[1]: duplicate language "es"',
      'zones[1].id: duplicate zone id "a" (also zones[0])',
      'chats.verifiers[0].platform: platform "simulator" is not enabled (the simulator cannot run beside a real platform: use a chat or verifier on the real platform instead)',
      'chats.verifiers[0].language: language "en" is not in network.languages (es)',
      'chats.verifiers[1].platform: platform "telegram" is not enabled (add a platforms.telegram section, or remove its "enabled: false")',
      'chats.responders[0].platform: platform "simulator" is not enabled (the simulator cannot run beside a real platform: use a chat or verifier on the real platform instead)',
      'chats.responders[0].id: duplicate chat "shared" on simulator (also chats.verifiers[0])',
      'chats.responders[0].zones[1]: unknown zone "b" (known: a)',
      'chats.responders[1].platform: platform "whatsapp" is not enabled (add a platforms.whatsapp section, or remove its "enabled: false")',
      'verifiers[0].platform: platform "simulator" is not enabled (the simulator cannot run beside a real platform: use a chat or verifier on the real platform instead)',
      'verifiers[1].platform: platform "simulator" is not enabled (the simulator cannot run beside a real platform: use a chat or verifier on the real platform instead)',
      'verifiers[1].id: duplicate verifier "v" on simulator (also verifiers[0])',
      'intake.remindAfterMinutes: must be less than intake.expireAfterMinutes (30), or the reminder is never sent',
      'outbox.baseDelayMs: must not be more than outbox.maxDelayMs (1000)',
    ]);
  });

  it('says so when a responder names a zone and there are no zones', () => {
    const errors = errorsOf({ ...minimal(), zones: undefined });
    expect(errors).toEqual(['chats.responders[0].zones[0]: unknown zone "eastside" (no zones are defined)']);
  });

  it('rejects a file that is not a mapping', () => {
    expect(errorsOf(['network'])).toEqual(['(top level): expected a section of key: value pairs (network, zones, chats, ...), got a list']);
    expect(errorsOf('hello')[0]).toMatch(/^\(top level\): expected a section/);
  });
});

describe('parseConfigText: YAML problems', () => {
  it('reports syntax errors with line and column', () => {
    const result = parseConfigText('network:\n  name: X\n  hotline: [unclosed\nzones: []\n');
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) expect(e).toMatch(/^centinela\.yaml:\d+:\d+: \S/);
  });

  it('names the file it was given', () => {
    const result = parseConfigText('a: 1\na: 2\n', 'conf/prod.yaml');
    expect(result).toEqual({ ok: false, errors: ['conf/prod.yaml:2:1: Map keys must be unique'] });
  });

  it('rejects an empty file', () => {
    for (const text of ['', '\n\n', '# just a comment\n', '---\n']) {
      const result = parseConfigText(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([expect.stringMatching(/^centinela\.yaml: the file is empty/)]);
    }
  });

  it('supports anchors and merge keys', () => {
    const result = parseConfigText(`
network: { name: X, hotline: "1", timezone: UTC, languages: [es, en] }
zones: [{ id: z, name: { en: Z }, area: { center: [0, 0], radiusMeters: 1 } }]
chats:
  responders:
    - &base { platform: simulator, id: a, zones: [z], language: en, precision: zone }
    - { <<: *base, id: b }
platforms: { simulator: { enabled: true } }
`);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.config.chats.responders[1]).toEqual({
      platform: 'simulator',
      id: 'b',
      zones: ['z'],
      language: 'en',
      precision: 'zone',
      fallback: false,
      media: false,
    });
  });

  it('treats a __proto__ key as an unknown key', () => {
    const result = parseConfigText(`
network: { name: X, hotline: "1", timezone: UTC, languages: [en], __proto__: { name: Y } }
`);
    expect(result).toEqual({ ok: false, errors: ['network.__proto__: unknown key'] });
  });

  it('reports a bare zip code as a number to quote', () => {
    const result = parseConfigText(`
network: { name: X, hotline: "1", timezone: UTC, languages: [en] }
zones: [{ id: z, name: { en: Z }, aliases: [90033], area: { center: [0, 0], radiusMeters: 1 } }]
`);
    expect(result).toEqual({ ok: false, errors: ['zones[0].aliases[0]: expected text, got 90033 (put the value in quotes)'] });
  });
});

describe('formatConfigErrors', () => {
  it('prints a heading and one problem per line', () => {
    expect(formatConfigErrors(['network: required', 'http.port: expected a whole number from 1 to 65535'], '/etc/centinela.yaml')).toBe(
      [
        'Configuration file /etc/centinela.yaml has 2 problems:',
        '  network: required',
        '  http.port: expected a whole number from 1 to 65535',
      ].join('\n'),
    );
    expect(formatConfigErrors(['network: required'])).toBe('Configuration has 1 problem:\n  network: required');
  });
});

describe('the simulator stands alone, on this machine', () => {
  const BESIDE =
    /^platforms\.simulator\.enabled: the simulator cannot run beside a real platform \(platforms\.(signal|telegram|whatsapp) is on\)/;

  it.each([
    ['signal', { url: 'http://127.0.0.1:8080', number: '+15550100' }],
    ['telegram', { token: '123:abc' }],
    ['whatsapp', {}],
  ])('refuses the simulator beside %s, with the path to the switch', (platform, settings) => {
    const errors = errorsOf({ ...minimal(), platforms: { simulator: { enabled: true }, [platform]: settings } });
    expect(errors).toEqual([expect.stringMatching(BESIDE)]);
    expect(errors[0]).toContain(`platforms.${platform} is on`);
    expect(errors[0]).toContain('Set platforms.simulator.enabled: false');
  });

  it('names every real platform that is on, and allows one that is switched off', () => {
    const both = errorsOf({ ...minimal(), platforms: { simulator: { enabled: true }, signal: {}, telegram: { enabled: true } } });
    expect(both).toEqual([expect.stringContaining('(platforms.signal, platforms.telegram are on)')]);
    expect(
      configOf({ ...minimal(), platforms: { simulator: { enabled: true }, signal: { enabled: false } } }).platforms.simulator.enabled,
    ).toBe(true);
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'bot.example.org', '127.0.0.1.nip.io'])('refuses the simulator on http.host %s', (host) => {
    const errors = errorsOf({ ...minimal(), http: { host } });
    expect(errors).toEqual([
      `platforms.simulator.enabled: the simulator only runs on this machine, but http.host is ${JSON.stringify(host)}: it has no login. Use http.host: 127.0.0.1, or set platforms.simulator.enabled: false`,
    ]);
  });

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])('allows the simulator on the loopback host %s', (host) => {
    expect(configOf({ ...minimal(), http: { host } }).http.host).toBe(host);
  });

  it('lets a real platform listen on 0.0.0.0 (inside a container) once the simulator is off', () => {
    const c = configOf({
      ...minimal(),
      http: { host: '0.0.0.0' },
      chats: { verifiers: [{ platform: 'signal', id: 'group.abc=' }], responders: [] },
      verifiers: [{ platform: 'signal', id: '0d3f-uuid' }],
      platforms: { simulator: { enabled: false }, signal: { url: 'http://signal:8080' } },
    });
    expect(c.http.host).toBe('0.0.0.0');
  });

  it('the built-in demo runs the simulator alone on 127.0.0.1', () => {
    expect(DEMO_CONFIG.http.host).toBe('127.0.0.1');
    expect(Object.keys(DEMO_CONFIG.platforms)).toEqual(['simulator']);
  });
});

describe('http.metricsToken', () => {
  it('is optional, and kept when it is a long plain token', () => {
    expect(configOf(minimal()).http.metricsToken).toBeUndefined();
    const token = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4_-XY';
    expect(configOf({ ...minimal(), http: { metricsToken: token } }).http.metricsToken).toBe(token);
  });

  it.each([
    ['short', 'a'.repeat(31)],
    ['with spaces', 'this token has spaces in it and is long'],
    ['a number', 12345],
  ])('refuses a token that is %s, without echoing it', (_label, metricsToken) => {
    const errors = errorsOf({ ...minimal(), http: { metricsToken } });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^http\.metricsToken: expected /);
    if (typeof metricsToken === 'string') expect(errors[0]).not.toContain(metricsToken);
  });
});

describe('http.publicUrl and dashboard', () => {
  it('keeps an https or http origin, without its trailing slash', () => {
    expect(configOf(minimal()).http.publicUrl).toBeUndefined();
    expect(configOf({ ...minimal(), http: { publicUrl: 'https://centinela.example.org/' } }).http.publicUrl).toBe(
      'https://centinela.example.org',
    );
    expect(configOf({ ...minimal(), http: { publicUrl: 'http://127.0.0.1:3000' } }).http.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it.each([['ftp://example.org'], ['https://example.org/centinela'], ['example.org'], ['https://example.org/?a=1']])(
    'refuses %s, saying what it expects',
    (publicUrl) => {
      const errors = errorsOf({ ...minimal(), http: { publicUrl } });
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^http\.publicUrl: expected the address people open the bot at/);
    },
  );

  it('has the dashboard on, sessions of 12 hours and links of 10 minutes unless told otherwise', () => {
    expect(configOf(minimal()).dashboard).toEqual({ enabled: true, sessionHours: 12, linkMinutes: 10 });
    expect(configOf({ ...minimal(), dashboard: { enabled: false, sessionHours: 2 } }).dashboard).toEqual({
      enabled: false,
      sessionHours: 2,
      linkMinutes: 10,
    });
    expect(errorsOf({ ...minimal(), dashboard: { sessionHours: 0 } })[0]).toMatch(/^dashboard\.sessionHours: /);
    expect(errorsOf({ ...minimal(), dashboard: { password: 'x' } })[0]).toMatch(/^dashboard\.password: unknown key/);
  });
});
