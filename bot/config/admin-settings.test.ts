/**
 * Settings an admin meets on day one: Telegram ids written as the numbers Telegram shows, the port
 * from the environment without a config file, and the backup section.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_DEFAULTS, loadConfig, parseConfigText } from './index.js';

const BASE = `network: { name: "Test RRN", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
zones:
  - { id: eastside, name: { en: East Side }, area: { center: [34.0341, -118.2053], radiusMeters: 3000 } }
`;
const RECIPIENT = 'age1d393vy8kzzxq0knyuff0nmn56jre6jrp2gurerc40fuvds4t3gmsyv2axr';

function errorsOf(text: string): string[] {
  const r = parseConfigText(text);
  return r.ok ? [] : r.errors;
}

describe('Telegram ids as numbers', () => {
  it('takes chat, topic and verifier ids written without quotes as their digits', () => {
    const r = parseConfigText(`${BASE}chats:
  verifiers: [{ platform: telegram, id: -1001234567890 }]
  responders: [{ platform: telegram, id: -1009876543210, thread: 42, zones: [eastside] }]
verifiers: [{ platform: telegram, id: 123456789 }]
platforms: { telegram: { token: "x" } }
`);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config.chats.verifiers[0]!.id).toBe('-1001234567890');
    expect(r.config.chats.responders[0]!).toMatchObject({ id: '-1009876543210', thread: '42' });
    expect(r.config.verifiers[0]!.id).toBe('123456789');
  });

  it('still asks for quotes when a number is too long to be exact, or not whole', () => {
    const errors = errorsOf(
      `${BASE}verifiers: [{ platform: telegram, id: 12345678901234567890 }, { platform: telegram, id: 1.5 }]\nplatforms: { telegram: { token: "x" } }\n`,
    );
    expect(errors).toEqual([
      expect.stringMatching(/^verifiers\[0\]\.id: expected text, got .* \(put the value in quotes\)$/),
      'verifiers[1].id: expected text, got 1.5 (put the value in quotes)',
    ]);
  });
});

describe('the port from CENTINELA_PORT or PORT', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'centinela-port-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('sets the demo’s port without a config file; CENTINELA_PORT wins over PORT', () => {
    expect(loadConfig({ PORT: '8080' }, dir)).toMatchObject({ ok: true, source: 'demo', config: { http: { port: 8080 } } });
    expect(loadConfig({ PORT: '8080', CENTINELA_PORT: '3100' }, dir)).toMatchObject({ ok: true, config: { http: { port: 3100 } } });
    expect(loadConfig({}, dir)).toMatchObject({ ok: true, config: { http: { port: 3000 } } });
  });

  it('overrides http.port from a config file too', () => {
    writeFileSync(join(dir, 'centinela.yaml'), `${BASE}http: { port: 4000 }\nplatforms: { simulator: { enabled: true } }\n`);
    expect(loadConfig({ CENTINELA_PORT: '4100' }, dir)).toMatchObject({ ok: true, source: 'file', config: { http: { port: 4100 } } });
  });

  it('refuses a value that is not a port, naming the variable', () => {
    expect(loadConfig({ PORT: 'http' }, dir)).toEqual({ ok: false, errors: ['PORT: expected a whole number from 1 to 65535, got "http"'] });
    expect(loadConfig({ CENTINELA_PORT: '70000' }, dir)).toMatchObject({
      ok: false,
      errors: ['CENTINELA_PORT: expected a whole number from 1 to 65535, got "70000"'],
    });
  });
});

describe('backup', () => {
  it('is off by default and keeps the last 7 scheduled backups', () => {
    const r = parseConfigText(BASE);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.config.backup).toEqual({ keep: BACKUP_DEFAULTS.keep });
    expect(BACKUP_DEFAULTS.keep).toBe(7);
  });

  it('needs a recipient and a folder for scheduled backups, and an age public key as recipient', () => {
    expect(errorsOf(`${BASE}backup: { everyHours: 24 }\n`)).toEqual([
      'backup.recipient: required when backup.everyHours is set (the age public key backups are encrypted to)',
      'backup.dir: required when backup.everyHours is set (the folder scheduled backups go to)',
    ]);
    expect(errorsOf(`${BASE}backup: { recipient: AGE-SECRET-KEY-1ABC }\n`)).toEqual([
      'backup.recipient: expected an age public key (age1…), e.g. from `age-keygen -y backup-key.txt`',
    ]);
    expect(errorsOf(`${BASE}backup: { recipient: ${RECIPIENT}, dir: /backups, everyHours: 24, keep: 3 }\n`)).toEqual([]);
  });
});
