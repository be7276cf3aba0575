/**
 * `centinela export --from 2026-11-01 --to 2026-11-30 [--format csv|json] [--out FILE]`: the
 * legal team's de-identified export of incidents (app/dashboard/export.ts), the same as the
 * dashboard's download. Written to stdout, or to a new owner-only file with --out.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../bot/config/index.js';
import { DashboardQueries } from '../store/dashboard-queries.js';
import { openDatabase } from '../store/sqlite-store.js';
import { SqliteVerificationStore } from '../store/verification-store.js';
import type { Out } from './cli-output.js';
import { dayRange, exportFile, exportIncidents } from './dashboard/export.js';

export const EXPORT_HELP = `  export --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json] [--out FILE]
                    incidents first reported in those days (UTC, both included), de-identified: no
                    pseudonyms, reply addresses or tipster words; to stdout, or to a new file
`;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

export function exportCommand(config: Config, args: string[], out: Out, clock: () => number = Date.now): number {
  const from = option(args, '--from');
  const to = option(args, '--to');
  const format = option(args, '--format') ?? 'csv';
  const range = from && to ? dayRange(from, to) : undefined;
  if (!from || !to || !range || (format !== 'csv' && format !== 'json')) {
    out.write(
      `Give the days as --from YYYY-MM-DD --to YYYY-MM-DD (the first not after the second), and --format csv or json.\n\n${EXPORT_HELP}`,
    );
    return 2;
  }
  const db = openDatabase(resolve(config.storage.path));
  try {
    const incidents = exportIncidents(new DashboardQueries(db), range.from, range.to);
    const { text, auditDetail } = exportFile(incidents, format, { from, to });
    const file = option(args, '--out');
    if (file) {
      try {
        writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        out.write(
          code === 'EEXIST'
            ? `${file} already exists; an export never overwrites a file.\n`
            : `Cannot write ${file} (${code ?? 'error'}).\n`,
        );
        return 1;
      }
    } else out.write(text);
    new SqliteVerificationStore(db).audit({ at: clock(), actor: 'admin:cli', action: 'export', detail: auditDetail });
    if (file) out.write(`${incidents.length} incident(s) written to ${file}.\n`);
    return 0;
  } finally {
    db.close();
  }
}
