/**
 * The settings engine tests run under: a Spanish-first network on Los Angeles time with the
 * defaults of the example config (10 min reminder, 30 min expiry, 4 s bursts, 3 wrong answers,
 * follow-ups for an hour).
 * One place, so a new setting is added once and every engine test keeps compiling.
 */
import type { EngineEnv, EngineSettings } from '../../bot/engine/types.js';

/** Saturday 21 November 2026, 9:00 in Los Angeles: where engine conversations start. */
export const T0 = Date.UTC(2026, 10, 21, 17);

/** Engine settings for tests; `overrides` changes only what a test is about. */
export function testEngineSettings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return {
    languages: ['es', 'en'],
    hotline: '+1 555 0100',
    timezone: 'America/Los_Angeles',
    remindAfterMs: 600_000,
    expireAfterMs: 1_800_000,
    doneRetentionMs: 86_400_000,
    burstMs: 4000,
    maxWrongAnswers: 3,
    pinDecimals: 3,
    followUpMs: 3_600_000,
    ...overrides,
  };
}

/** The engine's environment at `now` with the next report numbered 1001. */
export function testEngineEnv(now: number, settings: EngineSettings = testEngineSettings()): EngineEnv {
  return { now, settings, nextReportNumber: 1001 };
}
