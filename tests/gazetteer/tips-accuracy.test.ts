/**
 * Held-out tips over a GeoJSON map given through the config, as the bot runs them: the config
 * names the map (`gazetteer.sources`), start-up imports it, each tip is a first message to the
 * engine, and the report's zone is chosen as verification chooses it (bot/verification/
 * decide-report.ts). Prints the accuracy; at least 95% of actionable tips must land in the zone
 * a dispatcher would choose, and no tip without a place may land anywhere.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../app/gazetteer.js';
import { loadConfig } from '../../bot/config/index.js';
import { zonesFor } from '../../bot/geo/zones.js';
import { converse, FIXTURE } from './support.js';
import { TIPS, ZONES_YAML } from './held-out-tips.js';

const dir = mkdtempSync(join(tmpdir(), 'centinela-tips-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('held-out tips land in the zone a dispatcher would choose', () => {
  it(`${TIPS.length} tips`, async () => {
    const path = join(dir, 'centinela.yaml');
    writeFileSync(
      path,
      `network: { name: "Test RRN", hotline: "+1 555 0100", timezone: America/Los_Angeles, languages: [es, en] }
storage: { path: ${JSON.stringify(join(dir, 'data', 'centinela.db'))} }
chats: { verifiers: [{ platform: simulator, id: verifiers }] }
platforms: { simulator: { enabled: true } }
gazetteer: { sources: [${JSON.stringify(FIXTURE('geojson'))}] }
places: [{ name: Tiendita Don Pepe, aliases: [la tiendita, tienda de don pepe], at: [34.0436, -118.2072] }]
${ZONES_YAML}`,
    );
    const loaded = loadConfig({ CENTINELA_CONFIG: path });
    if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
    const config = loaded.config;
    const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const places = await loadGazetteer(config, join(dir, 'data', 'centinela.db'), quiet as never);
    expect(places).toBeDefined();

    let actionable = 0;
    let right = 0;
    let strayed = 0;
    const misses: string[] = [];
    for (const [tip, want] of TIPS) {
      const { session } = converse([tip], places);
      const { location, description } = session?.draft ?? {};
      let zones = zonesFor(config.zones, location);
      if (zones.length === 0 && description) zones = zonesFor(config.zones, { text: description });
      const got = zones[0] ?? null;
      if (want === null) {
        if (got !== null) {
          strayed++;
          misses.push(`  "${tip}": expected no zone, got ${got}`);
        }
        continue;
      }
      actionable++;
      if (got === want && zones.length === 1) right++;
      else
        misses.push(
          `  "${tip}": expected ${want}, got ${zones.join(',') || 'none'}${session?.step === 'place' ? ' (asked which place)' : ''}`,
        );
    }
    const pct = (100 * right) / actionable;
    process.stdout.write(
      `gazetteer tips: ${right}/${actionable} actionable tips in the right zone (${pct.toFixed(1)}%); ${strayed} of ${TIPS.length - actionable} without a place landed somewhere\n${misses.join('\n')}\n`,
    );
    expect(actionable).toBeGreaterThanOrEqual(60);
    expect(pct).toBeGreaterThanOrEqual(95);
    expect(strayed).toBe(0);
  });
});
