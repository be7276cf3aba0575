/**
 * What verifiers see of a place the offline map resolved: the card says what was understood,
 * how sure, and the zone; a duplicate hint gives the distance between the two resolved places;
 * two reports whose zone is unknown are never called "same zone".
 */
import { describe, expect, it } from 'vitest';
import { verificationNetwork } from '../../app/settings.js';
import { DEMO_CONFIG, type Config } from '../../bot/config/index.js';
import type { Draft, SubmittedReport } from '../../bot/engine/types.js';
import { intakeFlow } from '../../bot/flows/intake.js';
import { createI18n } from '../../bot/i18n/i18n.js';
import { createRenderer } from '../../bot/i18n/render.js';
import { decide } from '../../bot/verification/decide.js';
import { emptyModel, type NearbyReport } from '../../bot/verification/model.js';
import { VerificationTexts } from '../../bot/verification/texts.js';

const NOW = Date.UTC(2026, 10, 21, 17, 0, 0);
const config = structuredClone(DEMO_CONFIG) as Config;
const texts = new VerificationTexts(createRenderer(createI18n(), intakeFlow, 'America/Los_Angeles'), intakeFlow);

const placed: Draft = {
  activity: { text: 'están deteniendo a alguien', kind: 'arrest' },
  location: {
    text: 'la cesar chaves y lorrena',
    place: { label: 'Cesar Chavez Ave & Lorena St', lat: 34.0468, lng: -118.1958, radiusMeters: 40, area: 'Boyle Heights' },
  },
  time: { text: 'ahora', at: NOW - 60_000 },
  skipped: [],
};

function submit(draft: Draft, nearby: NearbyReport[] = []) {
  const report: SubmittedReport = { number: 1005, status: 'new', urgent: false, lang: 'es', draft, seenAt: NOW - 60_000, submittedAt: NOW };
  const model = { ...emptyModel(verificationNetwork(config)), nearby };
  return decide(
    { type: 'submitted', report, tipster: { platform: 'simulator', key: 'tipster-a', address: 'sealed' }, mediaRefs: [] },
    model,
    {
      now: NOW,
      texts,
    },
  );
}

function card(events: ReturnType<typeof submit>): string {
  const send = events.find((e) => e.type === 'send' && e.to.type === 'chat');
  if (!send || send.type !== 'send') throw new Error('no card');
  return send.text;
}

describe('the card', () => {
  it('shows the resolved place, its uncertainty and the zone its point falls in', () => {
    const events = submit(placed);
    expect(card(events)).toContain('≈ Cesar Chavez Ave & Lorena St (Boyle Heights), ±40 m, Lado Este');
    expect(events.find((e) => e.type === 'report_stored')).toMatchObject({ zones: ['eastside'], point: { lat: 34.0468, lng: -118.1958 } });
  });

  it("names the resolved place once: on its own line, not again beside the tipster's words", () => {
    const text = card(submit(placed));
    expect(text.split('Cesar Chavez Ave & Lorena St')).toHaveLength(2);
  });

  it('a duplicate hint gives the distance between the resolved places', () => {
    const other: NearbyReport = {
      number: 1004,
      zones: ['eastside'],
      point: { lat: 34.0475, lng: -118.1962 },
      seenAt: NOW - 5 * 60_000,
      createdAt: NOW - 5 * 60_000,
      status: 'new',
    };
    expect(card(submit(placed, [other]))).toMatch(/Puede ser el mismo que #1004: \d{2} m y 4 min de diferencia/);
  });

  it('two reports with no zone are not "the same zone"', () => {
    const vague: Draft = { activity: { text: 'vigilando', kind: 'surveillance' }, location: { text: 'en la fábrica' }, skipped: [] };
    const other: NearbyReport = { number: 1004, zones: [], seenAt: NOW - 5 * 60_000, createdAt: NOW - 5 * 60_000, status: 'new' };
    const text = card(submit(vague, [other]));
    expect(text).not.toContain('misma zona');
    expect(text).toContain('Zona: desconocida');
  });
});
