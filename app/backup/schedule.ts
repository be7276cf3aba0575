/**
 * Scheduled backups (`backup.everyHours`): an encrypted backup into `backup.dir` on a fixed
 * interval, keeping only the newest `backup.keep`. The last backup's time is read from the file
 * names, so a restart neither skips one nor makes an extra one. Backups are named
 * `centinela-<UTC time>.db.age`; other files in the folder are left alone.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Config } from '../../bot/config/index.js';
import { writeBackup } from './write.js';

export interface BackupScheduleSettings {
  recipient: string;
  dir: string;
  everyMs: number;
  keep: number;
}

const NAME = /^centinela-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db\.age$/;
/** setTimeout's longest delay is about 24.8 days; longer waits are taken in steps. */
const LONGEST_WAIT_MS = 6 * 3_600_000;

/** `centinela-20261121T170000Z.db.age` for that instant. */
export function backupFileName(at: number): string {
  return `centinela-${new Date(at)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}.db.age`;
}

/** The scheduled backups in `dir`, newest first, with the time in each name. */
export function listBackups(dir: string): { name: string; at: number }[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = NAME.exec(name);
      return m ? [{ name, at: Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) }] : [];
    })
    .sort((a, b) => b.at - a.at);
}

/** Deletes all but the newest `keep` scheduled backups in `dir`; returns how many went. */
export function pruneBackups(dir: string, keep: number): number {
  const old = listBackups(dir).slice(keep);
  for (const b of old) rmSync(join(dir, b.name), { force: true });
  return old.length;
}

export class BackupSchedule {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly o: {
      db: Database.Database;
      settings: BackupScheduleSettings;
      /** The database's folder, for the plaintext scratch copy. */
      scratchParent: string;
      logger: Logger;
      clock?: () => number;
    },
  ) {}

  start(): void {
    this.stopped = false;
    this.plan();
  }

  /** Stops the timer and waits for a backup in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Makes one backup now and prunes old ones; failures are logged, never thrown. */
  async runOnce(): Promise<void> {
    const { settings, logger } = this.o;
    const now = (this.o.clock ?? Date.now)();
    const name = backupFileName(now);
    const started = Date.now();
    try {
      const { bytes } = await writeBackup({
        db: this.o.db,
        file: join(settings.dir, name),
        recipient: settings.recipient,
        scratchParent: this.o.scratchParent,
      });
      const removed = pruneBackups(settings.dir, settings.keep);
      logger.info({ size: bytes, removed, elapsedMs: Date.now() - started }, 'backup written');
    } catch (err) {
      logger.error({ err }, 'backup failed');
    }
  }

  private plan(): void {
    if (this.stopped) return;
    const now = (this.o.clock ?? Date.now)();
    const last = listBackups(this.o.settings.dir)[0]?.at;
    const due = last === undefined ? now : last + this.o.settings.everyMs;
    const wait = Math.max(0, Math.min(due - now, LONGEST_WAIT_MS));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if ((this.o.clock ?? Date.now)() < due) return this.plan();
      this.running = this.runOnce().finally(() => {
        this.running = undefined;
        this.plan();
      });
    }, wait);
    this.timer.unref();
  }
}

/** Starts scheduled backups when the config asks for them (`backup.everyHours`); undefined otherwise. */
export function scheduleBackups(config: Config, db: Database.Database, scratchParent: string, logger: Logger): BackupSchedule | undefined {
  const { recipient, dir, everyHours, keep } = config.backup;
  if (everyHours === undefined || !recipient || !dir) return undefined;
  const schedule = new BackupSchedule({
    db,
    settings: { recipient, dir: resolve(dir), everyMs: everyHours * 3_600_000, keep },
    scratchParent,
    logger,
  });
  schedule.start();
  return schedule;
}
