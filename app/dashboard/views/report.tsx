/**
 * A report, and the incident it heads: what the tipster's answers were read as, where it was
 * placed, its cleaned photos, the questions relayed, the timeline of the audit log, each alert
 * and update with its groups and delivery, and acknowledgements. The buttons are chat commands
 * in another form: each goes through the verification decider with the same rules as in chat.
 */
import { forDisplay } from '../../../bot/privacy/sanitize.js';
import type { AlertDelivery, AuditEntry, DashReport, PhotoInfo } from '../../../store/dashboard-queries.js';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { DashboardAction } from '../actions.js';
import { Page } from './page.js';
import { clock, since, type View } from './view.js';

/** What the part of the report page that refreshes itself shows (polled every 2 s). */
export interface ReportLiveData {
  report: DashReport;
  members: DashReport[];
  people: number;
  timeline: AuditEntry[];
  deliveries: AlertDelivery[];
  groupName: (chat: string) => string;
  acks: number;
}

export interface ReportData extends ReportLiveData {
  fields: { label: string; value: string }[];
  photos: PhotoInfo[];
  flash: string[];
  /** Active reports close in place and time: possibly the same incident. */
  duplicates: number[];
}

/** The buttons that can apply to a report in its status (the decider still has the last word). */
export function actionsFor(r: DashReport): DashboardAction[] {
  switch (r.status) {
    case 'new':
    case 'incomplete':
    case 'claimed':
      return ['claim', 'confirm', 'ask', 'reject', 'merge', 'block'];
    case 'confirmed':
      return ['update', 'clear', 'ask', 'block'];
    case 'rejected':
    case 'merged':
    case 'expired':
      return ['reopen', 'block', 'unblock'];
    case 'cleared':
      return ['block', 'unblock'];
  }
}

function ActionForm(props: { v: View; n: number; action: DashboardAction }) {
  const { v, n, action } = props;
  const label = v.t(`dashboard.action.${action}`);
  const text = (key: string, required: boolean) => (
    <input type="text" name="text" maxlength={2000} placeholder={v.t(key)} aria-label={v.t(key)} required={required} />
  );
  return (
    <form method="post" action={`/dashboard/reports/${n}/${action}`} class={`action action-${action}`}>
      <input type="hidden" name="_csrf" value={v.csrf} />
      {action === 'confirm' ? (
        <>
          {text('dashboard.action.note', false)}
          <label class="check">
            <input type="checkbox" name="stale" value="1" /> {v.t('dashboard.action.stale')}
          </label>
        </>
      ) : null}
      {action === 'reject' ? text('dashboard.action.reason', true) : null}
      {action === 'ask' ? text('dashboard.action.question', true) : null}
      {action === 'update' ? text('dashboard.action.update_text', true) : null}
      {action === 'merge' ? (
        <input
          type="text"
          name="into"
          inputmode="numeric"
          pattern="#?[0-9]{1,9}"
          required
          placeholder="#1039"
          aria-label={v.t('dashboard.action.into')}
        />
      ) : null}
      <button type="submit" class={action === 'confirm' ? 'primary' : ''}>
        {label}
      </button>
    </form>
  );
}

function Timeline(props: { v: View; entries: AuditEntry[] }) {
  const { v } = props;
  if (props.entries.length === 0) return <p class="muted">{v.t('dashboard.report.no_actions')}</p>;
  return (
    <ol class="timeline">
      {props.entries.map((e) => (
        <li>
          <time>{clock(v, e.at)}</time>{' '}
          <strong>
            {e.actor === 'system'
              ? v.t('dashboard.report.system')
              : e.actor === 'anon'
                ? v.t('dashboard.report.stranger')
                : v.person(e.actor)}
          </strong>{' '}
          {e.action}
          {e.report !== undefined ? ` #${e.report}` : ''}
          {e.detail ? `: ${forDisplay(e.detail)}` : ''}
        </li>
      ))}
    </ol>
  );
}

/**
 * What keeps changing on a report page: the incident (its reports, each alert, update and
 * all-clear with its delivery, acknowledgements) and the timeline. The page polls for it.
 */
export function ReportLive(props: { v: View; d: ReportLiveData }) {
  const { v, d } = props;
  const r = d.report;
  return (
    <>
      {d.members.length || r.status === 'confirmed' || d.deliveries.length ? (
        <section>
          <h2>{v.t('dashboard.report.incident', { count: d.members.length + 1, people: d.people })}</h2>
          <ul>
            {d.members.map((m) => (
              <li>
                <a href={`/dashboard/reports/${m.number}`}>#{m.number}</a> · {since(v, m.createdAt)}
              </li>
            ))}
          </ul>
          <table class="deliveries">
            <tbody>
              {d.deliveries.map((x) => (
                <tr>
                  <td>{v.t(`dashboard.delivery.kind_${x.kind}`, { seq: x.seq ?? 0 })}</td>
                  <td>{d.groupName(x.chat)}</td>
                  <td class={`delivery-${x.status}`}>{v.t(`dashboard.delivery.${x.status}`, { count: x.attempts })}</td>
                  <td>{x.sentAt !== undefined ? clock(v, x.sentAt) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {v.t('dashboard.report.updates', { count: r.updateCount })} · {v.t('dashboard.report.acks', { count: d.acks })}
          </p>
        </section>
      ) : null}
      <section>
        <h2>{v.t('dashboard.report.timeline')}</h2>
        <Timeline v={v} entries={d.timeline} />
      </section>
    </>
  );
}

/** The live part and the element that polls for it (204 while unchanged, as the queue does). */
export function ReportLivePoll(props: { n: number; version: string; live: HtmlEscapedString }) {
  return (
    <div id="live" hx-get={`/dashboard/reports/${props.n}/live?v=${props.version}`} hx-trigger="every 2s" hx-swap="outerHTML">
      {props.live}
    </div>
  );
}

export function ReportPage(props: { v: View; d: ReportData; version: string; live: HtmlEscapedString }) {
  const { v, d } = props;
  const r = d.report;
  const n = r.number;
  const questions = d.timeline.filter((e) => e.action === 'ask');
  return (
    <Page v={v} title={v.t('dashboard.report.title', { number: n })}>
      {d.flash.map((f) => (
        <p class="flash" role="status">
          {f}
        </p>
      ))}
      <p>
        {r.urgent ? <span class="badge urgent">{v.t('dashboard.urgent')}</span> : null}
        <span class={`badge st-${r.status}`}>{v.t(`status.${r.status}`)}</span>
        {r.incident !== undefined ? (
          <a class="badge" href={`/dashboard/reports/${r.incident}`}>
            {v.t('dashboard.report.part_of', { number: r.incident })}
          </a>
        ) : null}
        {r.claimedBy ? <span class="muted"> {v.t('dashboard.queue.claimed_by', { who: v.person(r.claimedBy) })}</span> : null}
      </p>
      <section class="actions">
        {actionsFor(r).map((a) => (
          <ActionForm v={v} n={n} action={a} />
        ))}
      </section>
      {d.duplicates.length && actionsFor(r).includes('merge') ? (
        <section class="actions">
          {d.duplicates.map((other) => (
            <form method="post" action={`/dashboard/reports/${n}/merge`} class="action action-merge-into">
              <input type="hidden" name="_csrf" value={v.csrf} />
              <input type="hidden" name="into" value={String(other)} />
              <a href={`/dashboard/reports/${other}`}>{v.t('dashboard.queue.maybe_same', { number: other })}</a>
              <button type="submit">{v.t('dashboard.action.merge_into', { number: other })}</button>
            </form>
          ))}
        </section>
      ) : null}
      <section>
        <h2>{v.t('dashboard.report.fields')}</h2>
        <dl>
          <dt>{v.t('dashboard.report.seen')}</dt>
          <dd>{r.draft.time?.at !== undefined ? `${clock(v, r.seenAt)} (${since(v, r.seenAt)})` : v.t('dashboard.queue.seen_unknown')}</dd>
          <dt>{v.t('dashboard.report.received')}</dt>
          <dd>{clock(v, r.createdAt)}</dd>
          {d.fields.map((f) => (
            <>
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </>
          ))}
          {r.draft.description ? (
            <>
              <dt>{v.t('dashboard.report.description')}</dt>
              <dd>{forDisplay(r.draft.description)}</dd>
            </>
          ) : null}
          <dt>{v.t('dashboard.report.place')}</dt>
          <dd>
            {r.zones.length ? r.zones.map(v.zoneName).join(', ') : v.t('dashboard.zone_unknown')}
            {r.draft.location?.crossStreets ? ` · ${r.draft.location.crossStreets.join(' & ')}` : ''}
            {r.draft.location?.zip ? ` · ${r.draft.location.zip}` : ''}
            {r.point ? ` · ${r.point.lat.toFixed(3)}, ${r.point.lng.toFixed(3)}` : ''}
          </dd>
          {r.note ? (
            <>
              <dt>{v.t('dashboard.report.note')}</dt>
              <dd>{r.note}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {d.photos.length ? (
        <section>
          <h2>{v.t('dashboard.report.photos')}</h2>
          <div class="photos">
            {d.photos.map((p) => (
              <img
                src={`/dashboard/reports/${n}/photos/${encodeURIComponent(p.ref)}`}
                alt={v.t('dashboard.report.photo_alt', { number: n })}
                loading="lazy"
              />
            ))}
          </div>
        </section>
      ) : null}
      <section>
        <h2>{v.t('dashboard.report.relay')}</h2>
        <p class="muted">
          {r.relayOpen
            ? v.t('dashboard.report.relay_open')
            : r.reachable
              ? v.t('dashboard.report.relay_none')
              : v.t('dashboard.report.unreachable')}
        </p>
        <Timeline v={v} entries={questions} />
      </section>
      <ReportLivePoll n={n} version={props.version} live={props.live} />
    </Page>
  );
}
