/**
 * The composition root: wires config, store, engine, adapters and HTTP into one running bot.
 * `npm start`, the end-to-end tests and the benchmark all build Centinela through here.
 */
import type { PlaceFinder } from '../bot/geo/gazetteer/types.js';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { SimulatorAdapter } from '../adapters/simulator/adapter.js';
import { simulatorRoutes } from '../adapters/simulator/routes.js';
import type { Config } from '../bot/config/index.js';
import { validateFlow } from '../bot/flows/flow.js';
import { intakeFlow } from '../bot/flows/intake.js';
import { createI18n } from '../bot/i18n/i18n.js';
import { createRenderer, type Renderer } from '../bot/i18n/render.js';
import type { Platform } from '../bot/messages.js';
import type { Lang } from '../bot/parse/types.js';
import type { AdapterPort } from '../bot/port.js';
import { mediaLimits } from '../bot/privacy/media.js';
import { forDisplay } from '../bot/privacy/sanitize.js';
import { createVault } from '../bot/privacy/vault.js';
import { OutboxDispatcher } from '../bot/runtime/dispatcher.js';
import { RetentionSweeper } from '../bot/runtime/retention.js';
import { Runtime } from '../bot/runtime/runtime.js';
import { VerificationHost } from '../bot/runtime/verification-host.js';
import { VerificationTexts } from '../bot/verification/texts.js';
import { SqliteDispatchStore } from '../store/dispatch-store.js';
import { DashboardAuthStore } from '../store/dashboard-auth-store.js';
import { DashboardQueries } from '../store/dashboard-queries.js';
import { SqlitePendingInboundStore } from '../store/pending-inbound-store.js';
import { RetentionStore } from '../store/retention-store.js';
import { preparePrivateDatabase } from '../store/private-files.js';
import { SqliteStore, openDatabase } from '../store/sqlite-store.js';
import { DashboardAuth } from './dashboard/auth.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { createHttpApp } from './http.js';
import { createObservability, type Observability } from './observability.js';
import type { PlatformAdapter } from './platforms.js';
import { engineSettings, publicUrlOf, retentionSettings, verificationNetwork } from './settings.js';

export interface ComposeOptions {
  config: Config;
  secret: Uint8Array;
  logger: Logger;
  /** Database path; default the config's storage.path. ':memory:' for tests. */
  dbPath?: string;
  clock?: () => number;
  newId?: () => string;
  /** Extra or replacement adapters (tests, benchmark). */
  adapters?: AdapterPort[];
  /** Real platforms built from the config (see buildPlatforms). */
  platforms?: PlatformAdapter[];
  /** Where the simulator keeps its fake platform history; default beside the database. */
  simulatorHistoryPath?: string;
  synchronous?: 'NORMAL' | 'FULL';
  /** The offline map (see app/gazetteer.ts `loadGazetteer`); absent: zones from pins and aliases only. */
  places?: PlaceFinder;
  /** Lets tests observe rendering (e.g. record locale keys for golden transcripts). */
  wrapRenderer?: (r: Renderer) => Renderer;
}

export interface Centinela {
  config: Config;
  store: SqliteStore;
  runtime: Runtime;
  dispatcher: OutboxDispatcher;
  adapters: Map<Platform, AdapterPort>;
  simulator: SimulatorAdapter | undefined;
  http: Hono;
  /** Channel statuses, /readyz, /metrics and the channel-down watch. */
  observability: Observability;
  /** Starts adapters, timers and the outbox poller. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The names of zones, in a language, for the simulator's group picker ("Lado Este"). */
function zoneLabel(config: Config, ids: string[], lang: Lang): string {
  return ids
    .map((id) => {
      const names = config.zones.find((z) => z.id === id)?.name;
      // A zone named only in some languages shows its first name in the others.
      return names?.[lang] ?? (names ? Object.values(names)[0] : undefined) ?? id;
    })
    .join(', ');
}

export function composeCentinela(o: ComposeOptions): Centinela {
  const { config, logger } = o;
  const clock = o.clock ?? Date.now;
  const newId = o.newId ?? randomUUID;
  const dbPath = o.dbPath ?? resolve(config.storage.path);

  const i18n = createI18n(undefined, config.network.languages[0]);
  const flowProblems = validateFlow(intakeFlow, (key) =>
    config.network.languages.every((l) => i18n.exists(key, { lng: l, fallbackLng: false })),
  );
  if (flowProblems.length > 0) throw new Error(`intake flow is invalid:\n${flowProblems.join('\n')}`);

  const store = new SqliteStore(openDatabase(dbPath, o.synchronous ? { synchronous: o.synchronous } : {}));
  const vault = createVault(o.secret);
  for (const p of o.platforms ?? []) p.bind?.({ db: store.db, vault });
  const baseRenderer = createRenderer(i18n, intakeFlow, config.network.timezone);
  const renderer = o.wrapRenderer ? o.wrapRenderer(baseRenderer) : baseRenderer;

  const adapters = new Map<Platform, AdapterPort>();
  let simulator: SimulatorAdapter | undefined;
  if (config.platforms.simulator.enabled) {
    const groupChats = [...config.chats.verifiers, ...config.chats.responders].filter((c) => c.platform === 'simulator').map((c) => c.id);
    const historyPath = o.simulatorHistoryPath ?? (dbPath === ':memory:' ? ':memory:' : resolve(dirname(dbPath), 'simulator.db'));
    preparePrivateDatabase(historyPath); // owner-only, like the database beside it
    simulator = new SimulatorAdapter({ groupChats, historyPath, now: clock });
    adapters.set('simulator', simulator);
  }
  const healthChecks = new Map<Platform, PlatformAdapter>();
  for (const p of o.platforms ?? []) {
    adapters.set(p.adapter.platform, p.adapter);
    healthChecks.set(p.adapter.platform, p);
  }
  for (const a of o.adapters ?? []) adapters.set(a.platform, a);

  const adapterState = new Map<Platform, 'up' | 'down'>();
  const observability = createObservability({
    config,
    db: store.db,
    clock,
    platforms: () => [...adapters.keys()],
    platformAdapters: healthChecks,
    started: (p) => adapterState.get(p) === 'up',
    runtime: () => runtime.counters,
    mediaDecodes: () => runtime.decoder.counters,
    sessions: () => store.stats().sessions,
    renderer,
    vault,
    store,
    onOutbox: () => dispatcher.kick(),
    logger: logger.child({ component: 'channels' }),
  });

  const runtimeLogger = logger.child({ component: 'runtime' });
  const dispatcher = new OutboxDispatcher({
    store,
    adapters,
    vault,
    clock,
    settings: config.outbox,
    logger: logger.child({ component: 'outbox' }),
    resolveReplyTo: (key) => store.sentMessageId(key),
    // Alert rows: once every group's row is sent or dead, the verifiers are told the true delivery.
    onSettled: (row, status, attempts) => verification.settled(row.dedupeKey ?? '', status, attempts, clock()),
    observer: observability.metrics.sendObserver,
  });
  const verification = new VerificationHost({
    store,
    vault,
    texts: new VerificationTexts(renderer, intakeFlow),
    network: verificationNetwork(config),
    logger: logger.child({ component: 'verification' }),
    field: new SqliteDispatchStore(store.db),
    newId,
  });
  const runtime = new Runtime({
    store,
    pending: new SqlitePendingInboundStore(store.db),
    flow: intakeFlow,
    settings: engineSettings(config),
    ...(o.places ? { places: o.places } : {}),
    renderer,
    vault,
    clock,
    newId,
    verification,
    maxMediaBytes: config.privacy.maxMediaMegabytes * 1024 * 1024,
    mediaLimits: mediaLimits(config.privacy),
    uncleanableMedia: config.privacy.uncleanableMedia,
    logger: runtimeLogger,
    retention: new RetentionSweeper({
      store: new RetentionStore(store.db),
      settings: retentionSettings(config),
      logger: logger.child({ component: 'retention' }),
    }),
    onOutbox: () => dispatcher.kick(),
  });

  const mounts: Hono[] = (o.platforms ?? []).flatMap((p) => (p.routes ? [p.routes] : []));
  if (simulator) {
    mounts.push(
      simulatorRoutes(
        simulator,
        {
          networkName: config.network.name,
          verifierChats: config.chats.verifiers.filter((c) => c.platform === 'simulator').map((c) => c.id),
          responderChats: config.chats.responders
            .filter((c) => c.platform === 'simulator')
            .map((c) => ({ id: c.id, label: zoneLabel(config, c.zones, c.language ?? config.network.languages[0] ?? 'es') || c.id })),
        },
        {
          port: config.http.port,
          onHandlerError: (err) => logger.error({ err: err instanceof Error ? err.name : typeof err }, 'simulator message failed'),
        },
      ),
    );
  }

  if (config.dashboard.enabled) {
    mounts.push(
      dashboardRoutes({
        config,
        auth: new DashboardAuth(new DashboardAuthStore(store.db), {
          sessionMs: config.dashboard.sessionHours * 3_600_000,
          secure: publicUrlOf(config).startsWith('https:'),
          clock,
        }),
        queries: new DashboardQueries(store.db),
        clock,
        t: (lang, key, params) => renderer.t(lang, key, params),
        fields: (lang, draft) =>
          intakeFlow.steps.map((s) => ({
            label: renderer.t(lang, s.label),
            value: renderer.field(lang, draft, s.id, { quote: forDisplay }),
          })),
        command: (person, parsed, lang, now) => verification.dashboardCommand(person, parsed, lang, now),
        audit: (entry) => store.audit(entry),
        onOutbox: () => dispatcher.kick(),
      }),
    );
  }

  const http = createHttpApp({
    health: () => {
      const stats = store.stats();
      const up = (p: Platform) => adapterState.get(p) === 'up' && (healthChecks.get(p)?.healthy() ?? true);
      const platforms = Object.fromEntries(
        [...adapters.keys()].map((p) => [p, { state: up(p) ? 'up' : 'down', ...healthChecks.get(p)?.health() }]),
      );
      return { ok: [...adapters.keys()].every(up), platforms, outbox: { pending: stats.outboxPending, dead: stats.outboxDead } };
    },
    ready: () => observability.ready(),
    metrics: () => observability.metrics.render(),
    mounts,
    ...(config.http.metricsToken !== undefined ? { metricsToken: config.http.metricsToken } : {}),
  });

  let ticker: NodeJS.Timeout | undefined;
  /** One timer tick (timeouts, relays, dispatch rings, retention); a failure is logged, never thrown. */
  const tick = (): void => {
    try {
      runtime.tick();
    } catch (err) {
      logger.error({ err: err instanceof Error ? err.name : typeof err }, 'timer tick failed');
    }
  };
  return {
    config,
    store,
    runtime,
    dispatcher,
    adapters,
    simulator,
    http,
    observability,
    async start() {
      // Messages a crash left waiting for their photos: handled with their text, photos marked lost.
      runtime.recoverPending();
      // The first timer tick (the first retention sweep, which truncates the WAL) runs now, not a
      // second into serving messages, so when it happens does not depend on how fast start-up is
      tick();
      for (const [platform, adapter] of adapters) {
        await adapter.start(async (msg) => {
          observability.metrics.received(platform);
          await runtime.receive(msg);
        });
        adapterState.set(platform, 'up');
        logger.info({ platform }, 'adapter started');
      }
      dispatcher.start(config.outbox.pollMs);
      dispatcher.kick();
      ticker = setInterval(tick, 1000);
      ticker.unref();
      observability.watch.start();
    },
    async stop() {
      if (ticker) clearInterval(ticker);
      observability.watch.stop();
      for (const [platform, adapter] of adapters) {
        await adapter.stop();
        adapterState.set(platform, 'down');
      }
      await runtime.idle(); // photos being cleaned: their messages are handled before the store closes
      await dispatcher.stop();
      store.close();
    },
  };
}
