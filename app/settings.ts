/** Maps the validated config onto the engine's and dispatcher's settings. */
import type { Config } from '../bot/config/index.js';
import type { EngineSettings } from '../bot/engine/types.js';
import type { DeskSettings } from '../bot/runtime/desk.js';
import type { RetentionSettings } from '../bot/runtime/retention.js';

export function engineSettings(config: Config): EngineSettings {
  const min = 60_000;
  return {
    languages: config.network.languages,
    hotline: config.network.hotline,
    ...(config.network.signalContact ? { signalContact: config.network.signalContact } : {}),
    timezone: config.network.timezone,
    remindAfterMs: config.intake.remindAfterMinutes * min,
    expireAfterMs: config.intake.expireAfterMinutes * min,
    doneRetentionMs: config.retention.doneSessionHours * 60 * min,
    burstMs: config.intake.burstSeconds * 1000,
    maxWrongAnswers: config.intake.maxWrongAnswers,
    followUpMs: config.intake.followUpMinutes * min,
    pinDecimals: config.privacy.pinDecimals,
  };
}

export function deskSettings(config: Config): DeskSettings {
  const min = 60_000;
  const v = config.verification;
  return {
    reportsPerHour: config.abuse.reportsPerHour,
    floodReports: config.abuse.floodReports,
    floodWindowMs: config.abuse.floodWindowMinutes * min,
    approvals: v.approvals,
    staleAfterMs: v.staleAfterMinutes * min,
    duplicateWindowMs: v.duplicateWindowMinutes * min,
    duplicateDistanceMeters: v.duplicateDistanceMeters,
    expireIncidentAfterMs: v.expireIncidentAfterMinutes * min,
    expireReportAfterMs: v.expireReportAfterMinutes * min,
  };
}

export function retentionSettings(config: Config): RetentionSettings {
  const hour = 3_600_000;
  const day = 24 * hour;
  const r = config.retention;
  return {
    draftMs: r.draftHours * hour,
    doneSessionMs: r.doneSessionHours * hour,
    reportMs: r.reportDays * day,
    mediaMs: r.mediaDays * day,
    auditMs: r.auditDays * day,
    inboxMs: r.inboxDays * day,
    outboxMs: r.outboxDays * day,
    sweepMs: r.sweepMinutes * 60_000,
  };
}
