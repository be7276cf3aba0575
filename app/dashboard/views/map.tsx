/**
 * The map: the config's zones (circles, polygons) and the points of active reports, drawn as
 * inline SVG. No tile server, so no request tells a third party what is being looked at. An
 * equirectangular projection scaled by the latitude's cosine is true enough at a city's scale.
 */
import type { Zone } from '../../../bot/config/index.js';
import type { GeoPoint } from '../../../bot/messages.js';
import type { DashReport } from '../../../store/dashboard-queries.js';
import { Page } from './page.js';
import type { View } from './view.js';

const W = 800;
const H = 600;
const PAD = 30;
const M_PER_DEG = 111_320;

interface Bounds {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

function zonePoints(z: Zone): GeoPoint[] {
  const a = z.area;
  if ('polygon' in a) return a.polygon.map(([lat, lng]) => ({ lat, lng }));
  const [lat, lng] = a.center;
  const dLat = a.radiusMeters / M_PER_DEG;
  const dLng = a.radiusMeters / (M_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return [
    { lat: lat - dLat, lng: lng - dLng },
    { lat: lat + dLat, lng: lng + dLng },
  ];
}

function boundsOf(points: readonly GeoPoint[]): Bounds | undefined {
  if (points.length === 0) return undefined;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  return { minLat: Math.min(...lats), maxLat: Math.max(...lats), minLng: Math.min(...lngs), maxLng: Math.max(...lngs) };
}

/** A projection of the bounds into the drawing, keeping the aspect ratio. */
export function projection(b: Bounds): { xy: (p: GeoPoint) => [number, number]; metersToPx: number } {
  const cos = Math.cos((((b.minLat + b.maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((b.maxLng - b.minLng) * cos, 1e-4);
  const spanY = Math.max(b.maxLat - b.minLat, 1e-4);
  const scale = Math.min((W - 2 * PAD) / spanX, (H - 2 * PAD) / spanY);
  const offX = (W - spanX * scale) / 2;
  const offY = (H - spanY * scale) / 2;
  return {
    xy: (p) => [offX + (p.lng - b.minLng) * cos * scale, H - offY - (p.lat - b.minLat) * scale],
    metersToPx: scale / M_PER_DEG,
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function MapSvg(props: { v: View; zones: readonly Zone[]; reports: readonly DashReport[] }) {
  const { v, zones, reports } = props;
  const located = reports.filter((r): r is DashReport & { point: GeoPoint } => r.point !== undefined);
  const b = boundsOf([...zones.flatMap(zonePoints), ...located.map((r) => r.point)]);
  if (!b) return <p class="muted">{v.t('dashboard.map.empty')}</p>;
  const { xy, metersToPx } = projection(b);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} class="map" role="img" aria-label={v.t('dashboard.map.title')}>
      <rect x="0" y="0" width={W} height={H} class="map-bg" />
      {zones.map((z) => {
        const a = z.area;
        if ('polygon' in a) {
          const pts = a.polygon.map(([lat, lng]) => xy({ lat, lng }).map(r1).join(',')).join(' ');
          const [cx, cy] = xy({
            lat: a.polygon.reduce((s, p) => s + p[0], 0) / a.polygon.length,
            lng: a.polygon.reduce((s, p) => s + p[1], 0) / a.polygon.length,
          });
          return (
            <g class="zone">
              <polygon points={pts} />
              <text x={r1(cx)} y={r1(cy)}>
                {v.zoneName(z.id)}
              </text>
            </g>
          );
        }
        const [cx, cy] = xy({ lat: a.center[0], lng: a.center[1] });
        const r = a.radiusMeters * metersToPx;
        return (
          <g class="zone">
            <circle cx={r1(cx)} cy={r1(cy)} r={r1(r)} />
            {/* The name near the top edge, clear of pins at the centre. */}
            <text x={r1(cx)} y={r1(cy - r + 22)}>
              {v.zoneName(z.id)}
            </text>
          </g>
        );
      })}
      {located.map((r) => {
        const [x, y] = xy(r.point);
        return (
          <a href={`/dashboard/reports/${r.number}`}>
            <g class={`pin ${r.urgent ? 'urgent' : ''} status-${r.status}`}>
              <circle cx={r1(x)} cy={r1(y)} r="9" />
              <text x={r1(x + 12)} y={r1(y + 4)}>
                #{r.number}
              </text>
            </g>
          </a>
        );
      })}
    </svg>
  );
}

export function MapPage(props: { v: View; zones: readonly Zone[]; reports: readonly DashReport[] }) {
  const { v, reports } = props;
  const unplaced = reports.filter((r) => r.point === undefined);
  return (
    <Page v={v} title={v.t('dashboard.map.title')}>
      <MapSvg v={v} zones={props.zones} reports={reports} />
      {unplaced.length ? (
        <p class="muted">
          {v.t('dashboard.map.unplaced')}{' '}
          {unplaced.map((r) => (
            <a href={`/dashboard/reports/${r.number}`}>#{r.number} </a>
          ))}
        </p>
      ) : null}
    </Page>
  );
}
