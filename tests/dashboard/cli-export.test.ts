/**
 * `centinela export`: the incidents of a date range as CSV or JSON, without pseudonyms, reply
 * addresses or the tipster's own words, and never over an existing file.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../app/cli-export.js';
import { DEMO_CONFIG, type Config } from '../../bot/config/index.js';
import { tempDir } from '../e2e/process.js';
import { Harness } from '../support/harness.js';

function output(): { write: (s: string) => boolean; text: () => string } {
  let text = '';
  return { write: (s: string) => ((text += s), true), text: () => text };
}

describe('centinela export', () => {
  it('writes the confirmed incident, de-identified, as CSV and JSON', async () => {
    const dir = tempDir();
    const config = structuredClone(DEMO_CONFIG) as Config;
    config.storage.path = join(dir, 'centinela.db');
    const h = await new Harness({ config, dbPath: config.storage.path }).start();
    await h.say('tipster-1', '4 agentes con chalecos de ICE en 1st y Soto, boyle heights, ahora, 2 SUV negras');
    await h.say('tipster-1', 'no');
    await h.say('tipster-1', 'sí');
    await h.say('verifier-1', '/confirmar 1001 dos patrullas', 'verifiers');
    const tipster = h.reports()[0]!.tipster!;
    const day = new Date(h.now).toISOString().slice(0, 10);
    await h.stop();

    const json = output();
    expect(exportCommand(config, ['--from', day, '--to', day, '--format', 'json'], json)).toBe(0);
    const [incident] = JSON.parse(json.text()) as Record<string, unknown>[];
    expect(incident).toMatchObject({
      incident: 1001,
      status: 'confirmed',
      zones: ['eastside'],
      agents: 4,
      reports: 1,
      people: 1,
      note: 'dos patrullas',
    });
    expect(incident!.actions).toContainEqual(expect.objectContaining({ by: 'simulator:verifier-1', action: 'confirm' }));
    expect(json.text()).not.toContain(tipster);
    expect(json.text()).not.toContain('chalecos de ICE en 1st');
    expect(json.text()).not.toMatch(/reply|address|anon:/i);

    const file = join(dir, 'incidents.csv');
    const csv = output();
    expect(exportCommand(config, ['--from', day, '--to', day, '--out', file], csv)).toBe(0);
    expect(csv.text()).toContain('1 incident(s) written');
    expect(readFileSync(file, 'utf8').split('\r\n')[1]).toMatch(/^1001,confirmed,false,eastside,/);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(exportCommand(config, ['--from', day, '--to', day, '--out', file], output())).toBe(1);

    const none = output();
    expect(exportCommand(config, ['--from', '2020-01-01', '--to', '2020-01-02', '--format', 'json'], none)).toBe(0);
    expect(JSON.parse(none.text())).toEqual([]);
    expect(exportCommand(config, ['--from', day], output())).toBe(2);
  });
});
