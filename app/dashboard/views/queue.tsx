/**
 * The queue: reports waiting or active, urgent first, then oldest first, with what a verifier on
 * a phone needs to pick the next one (number, status, zone, place, time since the sighting,
 * counts, who claimed it, possible duplicates, flags). The list re-polls itself every 750 ms.
 */
import { samePlace } from '../../../bot/verification/same-place.js';
import { forDisplay } from '../../../bot/privacy/sanitize.js';
import type { DashReport } from '../../../store/dashboard-queries.js';
import type { HtmlEscapedString } from 'hono/utils/html';
import { Page } from './page.js';
import { since, type View } from './view.js';

export interface QueueFilter {
  zone?: string;
  status?: string;
}

export interface QueueSettings {
  staleAfterMs: number;
  duplicateWindowMs: number;
  duplicateDistanceMeters: number;
}

/** Where the tipster said it was, one line, links defanged. */
export function placeOf(r: DashReport): string {
  const l = r.draft.location;
  const text = l?.text ?? (l?.crossStreets ? l.crossStreets.join(' & ') : (l?.zip ?? ''));
  return text ? forDisplay(text).slice(0, 120) : '';
}

/** Other active reports close in place and time: the hints a chat card gives (the same rule), as numbers. */
export function duplicateHints(r: DashReport, all: readonly DashReport[], s: QueueSettings): number[] {
  const where = (x: DashReport) => ({ zones: x.zones, point: x.point, cross: x.draft.location?.crossStreets });
  return all
    .filter((o) => o.number !== r.number && o.incident === undefined && Math.abs(o.createdAt - r.createdAt) <= s.duplicateWindowMs)
    .filter((o) => samePlace(where(r), where(o), s.duplicateDistanceMeters))
    .map((o) => o.number)
    .slice(0, 3);
}

export function flagsOf(r: DashReport, now: number, s: QueueSettings): string[] {
  return [
    ...(r.flags.includes('coordinated_flood') ? ['flood'] : []),
    ...(r.draft.time?.at !== undefined && now - r.seenAt > s.staleAfterMs ? ['stale'] : []),
    ...(r.priority === 'low' ? ['low_priority'] : []),
    ...(r.status === 'incomplete' ? ['incomplete'] : []),
  ];
}

export function filtered(reports: readonly DashReport[], f: QueueFilter): DashReport[] {
  return reports.filter(
    (r) => (!f.zone || (f.zone === '-' ? r.zones.length === 0 : r.zones.includes(f.zone))) && (!f.status || r.status === f.status),
  );
}

function query(f: QueueFilter): string {
  const p = new URLSearchParams();
  if (f.zone) p.set('zone', f.zone);
  if (f.status) p.set('status', f.status);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Quick buttons on a card, for a report waiting for verification (no text fields: the list refreshes under them). */
function QuickActions(props: { v: View; r: DashReport }) {
  const { v, r } = props;
  if (r.status !== 'new' && r.status !== 'incomplete' && r.status !== 'claimed') return null;
  return (
    <div class="quick">
      {(['claim', 'confirm'] as const).map((action) => (
        <form method="post" action={`/dashboard/reports/${r.number}/${action}`} class={`action-${action}`}>
          <input type="hidden" name="_csrf" value={v.csrf} />
          <button type="submit" class={action === 'confirm' ? 'primary' : ''}>
            {v.t(`dashboard.action.${action}`)}
          </button>
        </form>
      ))}
    </div>
  );
}

/** The cards of the list, without the element that polls for them. */
export function QueueItems(props: { v: View; all: readonly DashReport[]; filter: QueueFilter; s: QueueSettings }) {
  const { v, all, filter, s } = props;
  const shown = filtered(all, filter);
  return (
    <>
      <p class="muted">{v.t('dashboard.queue.count', { count: shown.length })}</p>
      <ul class="cards">
        {shown.map((r) => {
          const dups = duplicateHints(r, all, s);
          const flags = flagsOf(r, v.now, s);
          return (
            <li class={`card ${r.urgent ? 'urgent' : ''} status-${r.status}`} data-report={String(r.number)}>
              <a class="number" href={`/dashboard/reports/${r.number}`}>
                #{r.number}
              </a>
              {r.urgent ? <span class="badge urgent">{v.t('dashboard.urgent')}</span> : null}
              <span class={`badge st-${r.status}`}>{v.t(`status.${r.status}`)}</span>
              <div class="line">
                <span>{r.zones.length ? r.zones.map(v.zoneName).join(', ') : v.t('dashboard.zone_unknown')}</span>
                {placeOf(r) ? <span> · {placeOf(r)}</span> : null}
              </div>
              <div class="line muted">
                {r.draft.time?.at !== undefined
                  ? v.t('dashboard.queue.seen', { ago: since(v, r.seenAt) })
                  : v.t('dashboard.queue.seen_unknown')}
                {' · '}
                {v.t('dashboard.queue.counts', { reports: r.reportCount, media: r.draft.media?.items.length ?? 0 })}
                {r.claimedBy ? ` · ${v.t('dashboard.queue.claimed_by', { who: v.person(r.claimedBy) })}` : ''}
              </div>
              {dups.length || flags.length ? (
                <div class="line">
                  {dups.map((d) => (
                    <a class="badge dup" href={`/dashboard/reports/${d}`}>
                      {v.t('dashboard.queue.maybe_same', { number: d })}
                    </a>
                  ))}
                  {flags.map((f) => (
                    <span class={`badge flag-${f}`}>{v.t(`dashboard.flag.${f}`)}</span>
                  ))}
                </div>
              ) : null}
              <QuickActions v={v} r={r} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

/**
 * The list and the element that polls for it every 750 ms. `version` is a hash of the cards as
 * rendered: the next poll carries it, and the server answers 204 (nothing to swap) while the
 * cards are the same, so a button is never replaced under a finger.
 */
export function QueueList(props: { filter: QueueFilter; version: string; items: HtmlEscapedString }) {
  const q = new URLSearchParams(query(props.filter).slice(1));
  q.set('v', props.version);
  return (
    <div id="queue" hx-get={`/dashboard/queue?${q.toString()}`} hx-trigger="every 750ms" hx-swap="outerHTML">
      {props.items}
    </div>
  );
}

const STATUSES = ['new', 'incomplete', 'claimed', 'confirmed'] as const;

export function QueuePage(props: { v: View; filter: QueueFilter; zones: readonly string[]; version: string; items: HtmlEscapedString }) {
  const { v, filter } = props;
  return (
    <Page v={v} title={v.t('dashboard.queue.title')}>
      <form method="get" action="/dashboard" class="filters">
        <label>
          {v.t('dashboard.queue.zone')}{' '}
          <select name="zone">
            <option value="">{v.t('dashboard.queue.all')}</option>
            {props.zones.map((z) => (
              <option value={z} selected={filter.zone === z}>
                {v.zoneName(z)}
              </option>
            ))}
            <option value="-" selected={filter.zone === '-'}>
              {v.t('dashboard.zone_unknown')}
            </option>
          </select>
        </label>
        <label>
          {v.t('dashboard.queue.status')}{' '}
          <select name="status">
            <option value="">{v.t('dashboard.queue.all')}</option>
            {STATUSES.map((st) => (
              <option value={st} selected={filter.status === st}>
                {v.t(`status.${st}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{v.t('dashboard.queue.filter')}</button>
      </form>
      <QueueList filter={filter} version={props.version} items={props.items} />
    </Page>
  );
}
