/** Maps the validated config onto the engine's and dispatcher's settings. */
import type { Config } from '../bot/config/index.js';
import type { EngineSettings } from '../bot/engine/types.js';
import type { DeskSettings } from '../bot/runtime/desk.js';

export function engineSettings(config: Config): EngineSettings {
  const min = 60_000;
  return {
    languages: config.network.languages,
    hotline: config.network.hotline,
    ...(config.network.signalContact ? { signalContact: config.network.signalContact } : {}),
    timezone: config.network.timezone,
    remindAfterMs: config.intake.remindAfterMinutes * min,
    expireAfterMs: config.intake.expireAfterMinutes * min,
    doneRetentionMs: 24 * 60 * min,
    burstMs: config.intake.burstSeconds * 1000,
    maxWrongAnswers: config.intake.maxWrongAnswers,
  };
}

export function deskSettings(config: Config): DeskSettings {
  const min = 60_000;
  const v = config.verification;
  return {
    approvals: v.approvals,
    staleAfterMs: v.staleAfterMinutes * min,
    duplicateWindowMs: v.duplicateWindowMinutes * min,
    duplicateDistanceMeters: v.duplicateDistanceMeters,
    expireIncidentAfterMs: v.expireIncidentAfterMinutes * min,
    expireReportAfterMs: v.expireReportAfterMinutes * min,
  };
}
