/** Maps the validated config onto the engine's and dispatcher's settings. */
import type { Config } from '../bot/config/index.js';
import type { EngineSettings } from '../bot/engine/types.js';
import type { RetentionSettings } from '../bot/runtime/retention.js';
import type { FieldNetwork } from '../bot/verification/dispatch-state.js';
import type { Network, Person } from '../bot/verification/model.js';
import type { RosterPerson } from '../bot/verification/roster.js';

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

/**
 * What verification works with: chats, zones, the roster of enrolled people and its settings.
 * A stranger's refusal is answered once per 10 minutes, and at most 5 in all in that time.
 */
export function verificationNetwork(config: Config): Network {
  const min = 60_000;
  const v = config.verification;
  const a = config.abuse;
  return {
    zones: config.zones,
    verifierChats: config.chats.verifiers,
    responderGroups: config.chats.responders,
    roster: rosterOf(config.verifiers),
    ...(config.dashboard.enabled
      ? { dashboard: { loginUrl: `${publicUrlOf(config)}/dashboard/login`, linkMs: config.dashboard.linkMinutes * min } }
      : {}),
    defaultLang: config.network.languages[0] ?? 'es',
    settings: {
      approvals: v.approvals,
      staleAfterMs: v.staleAfterMinutes * min,
      duplicateWindowMs: v.duplicateWindowMinutes * min,
      duplicateDistanceMeters: v.duplicateDistanceMeters,
      expireIncidentAfterMs: v.expireIncidentAfterMinutes * min,
      expireReportAfterMs: v.expireReportAfterMinutes * min,
      relayMs: v.relayMinutes * min,
      reportsPerHour: a.reportsPerHour,
      digestMs: a.digestMinutes * min,
      floodReports: a.floodReports,
      floodWindowMs: a.floodWindowMinutes * min,
      followupsPerHour: a.followUpsPerHour,
      refusalsPerStranger: 1,
      refusalsPerWindow: 5,
      refusalWindowMs: 10 * min,
      uncleanableMedia: config.privacy.uncleanableMedia,
    },
    field: fieldNetwork(config),
  };
}

/**
 * The on-duty roster and dispatch settings: field verifiers (with zones and shifts) and desk
 * verifiers (who can be on duty and paged, never sent), one entry per person. A desk verifier who
 * is also a field verifier (a shared platform id) is the field entry.
 */
export function fieldNetwork(config: Config): FieldNetwork {
  const min = 60_000;
  const d = config.dispatch;
  const field: RosterPerson[] = config.fieldVerifiers.map((v) => {
    const first = v.ids[0]!;
    return {
      id: `${first.platform}:${first.id}`,
      name: v.name,
      ids: v.ids,
      zones: v.zones,
      field: true,
      shifts: v.shifts,
      ...(v.base ? { base: { lat: v.base[0], lng: v.base[1] } } : {}),
      ...(v.language ? { language: v.language } : {}),
    };
  });
  const fieldIds = new Set(field.flatMap((p) => p.ids.map((i) => `${i.platform}:${i.id}`)));
  const desk: RosterPerson[] = rosterOf(config.verifiers)
    .filter((p) => !p.ids.some((i) => fieldIds.has(`${i.platform}:${i.id}`)))
    .map((p) => ({ id: p.id, name: p.name ?? p.id, ids: p.ids, zones: [], field: false, shifts: [] }));
  const people = [...field, ...desk];
  const byName = (name: string) => people.find((p) => p.name.toLowerCase() === name.toLowerCase())?.id;
  return {
    people,
    timezone: config.network.timezone,
    hotline: config.network.hotline,
    staffedHours: d.staffedHours,
    answerMs: d.answerMinutes * min,
    unclaimedMs: d.unclaimedMinutes * min,
    onMs: d.onHours * 60 * min,
    onCall: d.onCall.flatMap((name) => byName(name) ?? []),
    autoUrgent: d.autoUrgent,
    siteYesConfirms: d.siteYesConfirms,
    siteNobodyCloses: d.siteNobodyCloses,
  };
}

/**
 * Where browsers reach the bot: `http.publicUrl`, or this machine's address and port when it is
 * not set (the simulator demo: http://127.0.0.1:3000).
 */
export function publicUrlOf(config: Config): string {
  if (config.http.publicUrl !== undefined) return config.http.publicUrl;
  const host = config.http.host;
  const local = host === '::1' ? '[::1]' : host === 'localhost' ? 'localhost' : '127.0.0.1';
  return `http://${local}:${config.http.port}`;
}

/** Enrolled people: entries sharing `person` are one person, whose id is `platform:id` of their first id. */
export function rosterOf(verifiers: Config['verifiers']): Person[] {
  const people = new Map<string, Person>();
  for (const v of verifiers) {
    const key = v.person !== undefined ? `person:${v.person}` : `${v.platform}:${v.id}`;
    const known = people.get(key);
    if (known) known.ids.push({ platform: v.platform, id: v.id });
    else
      people.set(key, {
        id: `${v.platform}:${v.id}`,
        ids: [{ platform: v.platform, id: v.id }],
        ...(v.name !== undefined ? { name: v.name } : {}),
      });
  }
  return [...people.values()];
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
