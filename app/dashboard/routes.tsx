/**
 * The verification dashboard, mounted at /dashboard on the bot's own HTTP app. Server-rendered
 * pages (hono JSX) with htmx served from this app: the Content-Security-Policy lets a page load
 * nothing from anywhere else. Sign-in is by one-time link only (/panel, /dashboard in a direct
 * message); every change is a chat command decided by the verification decider under the
 * verifier's stable id (VerificationHost.dashboardCommand).
 */
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { raw } from 'hono/html';
import type { Config } from '../../bot/config/index.js';
import type { Draft, Param } from '../../bot/engine/types.js';
import type { Lang } from '../../bot/parse/types.js';
import type { ParsedCommand } from '../../bot/verification/commands.js';
import type { DashboardQueries } from '../../store/dashboard-queries.js';
import { rosterOf } from '../settings.js';
import { commandFor, isAction } from './actions.js';
import type { DashboardAuth, Session } from './auth.js';
import { dayRange, exportFile, exportIncidents } from './export.js';
import { staticAssets } from './static.js';
import { computeNumbers } from './stats.js';
import { MapPage } from './views/map.js';
import { ExportPage, NumbersPage } from './views/numbers.js';
import { SignInHelp } from './views/page.js';
import { duplicateHints, QueueItems, QueueList, QueuePage, type QueueFilter, type QueueSettings } from './views/queue.js';
import { ReportLive, ReportLivePoll, ReportPage, type ReportData, type ReportLiveData } from './views/report.js';
import type { View } from './views/view.js';

export interface DashboardDeps {
  config: Config;
  auth: DashboardAuth;
  queries: DashboardQueries;
  clock: () => number;
  t: (lang: Lang, key: string, params?: Record<string, Param>) => string;
  /** The parsed-field lines of a report (label, value), as the chat card shows them. */
  fields: (lang: Lang, draft: Draft) => { label: string; value: string }[];
  /** Runs a command as the person; undefined when they are no longer enrolled. */
  command: (person: string, parsed: ParsedCommand, lang: Lang, now: number) => { replies: string[]; rows: number } | undefined;
  /** Records a dashboard event (sign-in, sign-out, export) in the audit log. */
  audit: (entry: { at: number; actor: string; action: string; detail?: string }) => void;
  /** Wakes the outbox after a command wrote rows. */
  onOutbox: () => void;
}

type Env = { Variables: { session: Session; lang: Lang } };

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const FLASH_MAX = 5;

export function dashboardRoutes(d: DashboardDeps): Hono {
  const root = new Hono();
  root.route('/', dashboardApp(d));
  return root;
}

function dashboardApp(d: DashboardDeps): Hono<Env> {
  const app = new Hono<Env>();
  const { config } = d;
  const languages = config.network.languages;
  const zoneIds = config.zones.map((z) => z.id);
  const settings: QueueSettings = {
    staleAfterMs: config.verification.staleAfterMinutes * 60_000,
    duplicateWindowMs: config.verification.duplicateWindowMinutes * 60_000,
    duplicateDistanceMeters: config.verification.duplicateDistanceMeters,
  };
  const enrolled = new Set(rosterOf(config.verifiers).map((p) => p.id));
  const names = new Map(config.verifiers.map((v) => [`${v.platform}:${v.id}`, v.name]));
  /** Replies to a person's last commands, shown once on the next page (post/redirect/get). */
  const flashes = new Map<string, string[]>();

  const langOf = (c: Context): Lang => {
    const asked = (c.req.header('accept-language') ?? '').toLowerCase().split(',');
    for (const part of asked) {
      const code = part.trim().slice(0, 2) as Lang;
      if (languages.includes(code)) return code;
    }
    return languages[0] ?? 'es';
  };

  const view = (c: Context<Env>, csrf = ''): View => {
    const lang = c.get('lang');
    return {
      lang,
      network: config.network.name,
      t: (key, params) => d.t(lang, key, params),
      csrf,
      now: d.clock(),
      timezone: config.network.timezone,
      zoneName: (id) => config.zones.find((z) => z.id === id)?.name[lang] ?? id,
      person: (id) => names.get(id) ?? id,
    };
  };
  const signedIn = (c: Context<Env>) => view(c, c.get('session').csrf);

  app.use('/dashboard/*', async (c, next) => {
    c.set('lang', langOf(c));
    await next();
    c.header('Content-Security-Policy', CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

  // Forms carry a few short fields: anything bigger is refused before it is read (413).
  app.use('/dashboard/*', bodyLimit({ maxSize: 64 * 1024 }));
  app.route('/', staticAssets());

  app.get('/dashboard/signin', (c) => {
    const reason = c.req.query('reason');
    const known = reason === 'expired' || reason === 'used' || reason === 'unknown' || reason === 'signed_out' ? reason : undefined;
    return c.html(<SignInHelp v={view(c)} {...(known ? { reason: known } : {})} />);
  });

  app.get('/dashboard/login', (c) => {
    const result = d.auth.signIn(c, c.req.query('token') ?? '');
    if ('refused' in result) {
      return c.html(<SignInHelp v={view(c)} reason={result.refused === 'used' ? 'used' : 'expired'} />, 403);
    }
    d.audit({ at: d.clock(), actor: result.person, action: 'dashboard_login' });
    return c.redirect('/dashboard', 303);
  });

  // Everything below needs a session; state-changing requests need its CSRF token too.
  const guard = async (c: Context<Env>, next: () => Promise<void>) => {
    let session = d.auth.session(c);
    // Someone taken off the roster is signed out at their next click, not at the session's end.
    if (session && !enrolled.has(session.person)) {
      d.auth.signOut(c, session);
      session = undefined;
    }
    if (!session) {
      if (c.req.header('hx-request')) {
        c.header('HX-Redirect', '/dashboard/signin');
        return c.body(null, 401);
      }
      return c.redirect('/dashboard/signin', 303);
    }
    c.set('session', session);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const given = typeof body._csrf === 'string' ? body._csrf : c.req.header('x-csrf-token');
      if (!d.auth.csrfOk(session, given)) return c.text(d.t(c.get('lang'), 'dashboard.csrf_refused'), 403);
    }
    await next();
  };
  app.use('/dashboard/*', async (c, next) => {
    const path = c.req.path;
    if (path === '/dashboard/signin' || path === '/dashboard/login' || path.startsWith('/dashboard/static/')) return next();
    return guard(c, next);
  });

  const filterOf = (c: Context): QueueFilter => {
    const zone = c.req.query('zone');
    const status = c.req.query('status');
    return {
      ...(zone && (zone === '-' || zoneIds.includes(zone)) ? { zone } : {}),
      ...(status && /^[a-z]{1,12}$/.test(status) ? { status } : {}),
    };
  };

  /** The queue's cards as HTML, and a short hash of them (the list's version). */
  const queueItems = (c: Context<Env>, filter: QueueFilter) => {
    // The cards are plain synchronous components, so they render to a string at once.
    const html = (<QueueItems v={signedIn(c)} all={d.queries.active()} filter={filter} s={settings} />).toString();
    return { items: raw(html), version: createHash('sha256').update(html).digest('base64url').slice(0, 16) };
  };
  app.get('/dashboard', (c) => {
    const filter = filterOf(c);
    const q = queueItems(c, filter);
    return c.html(<QueuePage v={signedIn(c)} filter={filter} zones={zoneIds} version={q.version} items={q.items} />);
  });
  app.get('/dashboard/queue', (c) => {
    const filter = filterOf(c);
    const q = queueItems(c, filter);
    if (c.req.query('v') === q.version) return c.body(null, 204);
    return c.html(<QueueList filter={filter} version={q.version} items={q.items} />);
  });

  /** Everything a report page shows, read once; undefined for a report that does not exist (or is hidden). */
  /** What the live part shows: read on every poll, so nothing more. */
  const liveData = (c: Context<Env>, n: number): ReportLiveData | undefined => {
    const v = signedIn(c);
    const report = d.queries.report(n);
    if (!report) return undefined;
    const groups = new Map(config.chats.responders.map((g) => [`${g.platform}:${g.id}`, g]));
    const groupName = (chat: string) => {
      const g = groups.get(chat);
      return g?.name ?? (g ? g.zones.map((z) => v.zoneName(z)).join(', ') : chat);
    };
    return {
      report,
      members: d.queries.members(n),
      people: d.queries.distinctPeople(n),
      timeline: d.queries.timeline(n),
      deliveries: d.queries.deliveries(n),
      groupName,
      acks: d.queries.acks(n),
    };
  };
  const reportData = (c: Context<Env>, n: number, flash: string[]): ReportData | undefined => {
    const base = liveData(c, n);
    if (!base) return undefined;
    return {
      ...base,
      fields: d.fields(signedIn(c).lang, base.report.draft),
      photos: d.queries.photos(n),
      flash,
      duplicates: duplicateHints(base.report, d.queries.active(), settings),
    };
  };
  const live = (c: Context<Env>, data: ReportLiveData) => {
    const html = (<ReportLive v={signedIn(c)} d={data} />).toString();
    return { live: raw(html), version: createHash('sha256').update(html).digest('base64url').slice(0, 16) };
  };

  app.get('/dashboard/reports/:n{[0-9]{1,9}}', (c) => {
    const n = Number(c.req.param('n'));
    const key = c.get('session').token;
    const data = reportData(c, n, flashes.get(key) ?? []);
    if (!data) return c.html(<SignInHelp v={signedIn(c)} reason="unknown" />, 404);
    flashes.delete(key);
    const l = live(c, data);
    return c.html(<ReportPage v={signedIn(c)} d={data} version={l.version} live={l.live} />);
  });

  app.get('/dashboard/reports/:n{[0-9]{1,9}}/live', (c) => {
    const n = Number(c.req.param('n'));
    const data = liveData(c, n);
    if (!data) return c.body(null, 404);
    const l = live(c, data);
    if (c.req.query('v') === l.version) return c.body(null, 204);
    return c.html(<ReportLivePoll n={n} version={l.version} live={l.live} />);
  });

  app.get('/dashboard/reports/:n{[0-9]{1,9}}/photos/:ref', (c) => {
    const photo = d.queries.photo(Number(c.req.param('n')), c.req.param('ref'));
    if (!photo || !/^image\/(jpeg|png|webp|gif)$/.test(photo.mime)) return c.notFound();
    return c.body(new Uint8Array(photo.bytes), 200, { 'Content-Type': photo.mime, 'Cache-Control': 'private, max-age=600' });
  });

  app.post('/dashboard/reports/:n{[0-9]{1,9}}/:action', async (c) => {
    const action = c.req.param('action');
    const n = Number(c.req.param('n'));
    if (!isAction(action)) return c.notFound();
    const session = c.get('session');
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? body[k] : undefined);
    const text = str('text');
    const into = str('into');
    const parsed = commandFor(action, n, {
      ...(text !== undefined ? { text } : {}),
      ...(into !== undefined ? { into } : {}),
      stale: str('stale') === '1',
    });
    const result = d.command(session.person, parsed, c.get('lang'), d.clock());
    if (!result) {
      d.auth.signOut(c, session);
      return c.redirect('/dashboard/signin?reason=signed_out', 303);
    }
    if (result.rows > 0) d.onOutbox();
    flashes.set(session.token, [...(flashes.get(session.token) ?? []), ...result.replies].slice(-FLASH_MAX));
    return c.redirect(`/dashboard/reports/${n}`, 303);
  });

  app.get('/dashboard/map', (c) => c.html(<MapPage v={signedIn(c)} zones={config.zones} reports={d.queries.active()} />));

  app.get('/dashboard/numbers', (c) => {
    const days = 28;
    const now = d.clock();
    const n = computeNumbers(d.queries.times(now - days * 86_400_000, now + 1), config.network.timezone);
    return c.html(<NumbersPage v={signedIn(c)} n={n} days={days} />);
  });

  app.get('/dashboard/export', (c) => {
    const today = new Date(d.clock()).toISOString().slice(0, 10);
    const monthAgo = new Date(d.clock() - 30 * 86_400_000).toISOString().slice(0, 10);
    return c.html(<ExportPage v={signedIn(c)} from={monthAgo} to={today} />);
  });

  app.post('/dashboard/export', async (c) => {
    const body = await c.req.parseBody();
    const from = typeof body.from === 'string' ? body.from : '';
    const to = typeof body.to === 'string' ? body.to : '';
    const range = dayRange(from, to);
    if (!range) return c.text(d.t(c.get('lang'), 'dashboard.export.bad_range'), 400);
    const incidents = exportIncidents(d.queries, range.from, range.to);
    const format = body.format === 'csv' ? 'csv' : 'json';
    const file = exportFile(incidents, format, { from, to });
    d.audit({ at: d.clock(), actor: c.get('session').person, action: 'export', detail: file.auditDetail });
    const name = `centinela-incidents-${from}-${to}.${format}`;
    return c.body(file.text, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });

  app.post('/dashboard/logout', (c) => {
    const session = c.get('session');
    d.auth.signOut(c, session);
    d.audit({ at: d.clock(), actor: session.person, action: 'dashboard_logout' });
    return c.redirect('/dashboard/signin?reason=signed_out', 303);
  });

  return app;
}
