/** The numbers page and the export form: aggregates only, nothing about any tipster. */
import type { Numbers, PeriodRow } from '../stats.js';
import { Page } from './page.js';
import { minutes, type View } from './view.js';

function Periods(props: { v: View; rows: PeriodRow[]; title: string }) {
  const { v } = props;
  return (
    <section>
      <h2>{props.title}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th></th>
              <th>{v.t('dashboard.numbers.reports')}</th>
              <th>{v.t('dashboard.numbers.to_claim')}</th>
              <th>{v.t('dashboard.numbers.to_confirm')}</th>
              <th>{v.t('dashboard.numbers.to_delivered')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <th>{r.period}</th>
                <td>{r.reports}</td>
                {[r.toClaim, r.toConfirm, r.toDelivered].map((d) => (
                  <td>{d.count ? `${minutes(d.p50)} / ${minutes(d.p90)} (${d.count})` : '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function NumbersPage(props: { v: View; n: Numbers; days: number }) {
  const { v, n } = props;
  return (
    <Page v={v} title={v.t('dashboard.numbers.title')}>
      <p class="muted">{v.t('dashboard.numbers.explain', { days: props.days })}</p>
      <Periods v={v} rows={n.days} title={v.t('dashboard.numbers.by_day')} />
      <Periods v={v} rows={n.weeks} title={v.t('dashboard.numbers.by_week')} />
      <section>
        <h2>{v.t('dashboard.numbers.counts')}</h2>
        <dl>
          <dt>{v.t('dashboard.numbers.total')}</dt>
          <dd>{n.total}</dd>
          {Object.entries(n.byStatus).map(([s, c]) => (
            <>
              <dt>{v.t(`status.${s}`)}</dt>
              <dd>{c}</dd>
            </>
          ))}
          {Object.entries(n.byZone).map(([z, c]) => (
            <>
              <dt>{z ? v.zoneName(z) : v.t('dashboard.zone_unknown')}</dt>
              <dd>{c}</dd>
            </>
          ))}
          <dt>{v.t('dashboard.numbers.flood')}</dt>
          <dd>{n.flood}</dd>
          <dt>{v.t('dashboard.numbers.merged')}</dt>
          <dd>{n.merged}</dd>
        </dl>
      </section>
    </Page>
  );
}

export function ExportPage(props: { v: View; from: string; to: string }) {
  const { v } = props;
  return (
    <Page v={v} title={v.t('dashboard.export.title')}>
      <p>{v.t('dashboard.export.explain')}</p>
      <form method="post" action="/dashboard/export" class="filters">
        <input type="hidden" name="_csrf" value={v.csrf} />
        <label>
          {v.t('dashboard.export.from')} <input type="date" name="from" value={props.from} required />
        </label>
        <label>
          {v.t('dashboard.export.to')} <input type="date" name="to" value={props.to} required />
        </label>
        <button type="submit" name="format" value="csv">
          CSV
        </button>
        <button type="submit" name="format" value="json">
          JSON
        </button>
      </form>
    </Page>
  );
}
