import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, loadConfig } from './index.js';

const VALID = `
network: { name: "Test RRN", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ./state/tips.db }
platforms:
  simulator: { enabled: true }
`;

describe('loadConfig', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'centinela-config-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('falls back to the demo when ./centinela.yaml is missing and CENTINELA_CONFIG is not set', () => {
    const result = loadConfig({}, dir);
    expect(result).toEqual({ ok: true, config: DEMO_CONFIG, source: 'demo' });
    // A copy the caller may change without touching the shared demo.
    if (result.ok) expect(result.config).not.toBe(DEMO_CONFIG);
    expect(loadConfig({ CENTINELA_CONFIG: '' }, dir)).toMatchObject({ ok: true, source: 'demo' });
  });

  it('is an error when CENTINELA_CONFIG names a missing file', () => {
    const result = loadConfig({ CENTINELA_CONFIG: 'nope.yaml' }, dir);
    expect(result).toEqual({
      ok: false,
      errors: [`CENTINELA_CONFIG: config file not found: ${join(dir, 'nope.yaml')}`],
      path: join(dir, 'nope.yaml'),
    });
  });

  it('reads ./centinela.yaml from cwd and keeps a relative storage.path as written', () => {
    writeFileSync(join(dir, 'centinela.yaml'), VALID);
    const result = loadConfig({}, dir);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.source).toBe('file');
    expect(result.path).toBe(join(dir, 'centinela.yaml'));
    expect(result.config.network.name).toBe('Test RRN');
    expect(result.config.storage.path).toBe('./state/tips.db');
  });

  it('reads the file CENTINELA_CONFIG names, relative to cwd or absolute', () => {
    mkdirSync(join(dir, 'conf'));
    writeFileSync(join(dir, 'conf', 'prod.yaml'), VALID);
    expect(loadConfig({ CENTINELA_CONFIG: 'conf/prod.yaml' }, dir)).toMatchObject({
      ok: true,
      source: 'file',
      path: join(dir, 'conf', 'prod.yaml'),
    });
    expect(loadConfig({ CENTINELA_CONFIG: join(dir, 'conf', 'prod.yaml') }, '/')).toMatchObject({ ok: true, source: 'file' });
  });

  it('reports YAML syntax errors as file:line:col', () => {
    writeFileSync(join(dir, 'centinela.yaml'), 'network:\n  name: X\n    hotline: "1"\n');
    const result = loadConfig({}, dir);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.path).toBe(join(dir, 'centinela.yaml'));
      for (const e of result.errors) expect(e).toMatch(/^centinela\.yaml:\d+:\d+: /);
    }
  });

  it('reports schema problems by path, and an empty file', () => {
    writeFileSync(join(dir, 'centinela.yaml'), 'network: { name: X }\n');
    expect(loadConfig({}, dir)).toMatchObject({
      ok: false,
      errors: ['network.hotline: required', 'network.timezone: required', 'network.languages: required'],
    });
    writeFileSync(join(dir, 'centinela.yaml'), '');
    const empty = loadConfig({}, dir);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.errors[0]).toMatch(/^centinela\.yaml: the file is empty/);
  });

  it('does not fall back to the demo when the default path is a directory', () => {
    mkdirSync(join(dir, 'centinela.yaml'));
    expect(loadConfig({}, dir)).toMatchObject({ ok: false, errors: ['centinela.yaml: not a file'] });
  });
});
