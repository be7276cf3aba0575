/**
 * Set-up commands for admins: `npm run centinela -- <command>` (or `npx centinela <command>`).
 */
import { signalGroups, signalLink, SignalSetupError } from '../adapters/signal/cli.js';
import { parseSignalConfig } from '../adapters/signal/config.js';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BACKUP_HELP, backupCommand, restoreCommand } from './cli-backup.js';
import { EXPORT_HELP, exportCommand } from './cli-export.js';
import { printingExpected, type Out } from './cli-output.js';
import { whatsappGroups, whatsappLink, WhatsAppSetupError } from '../adapters/whatsapp/cli.js';
import { parseWhatsAppConfig } from '../adapters/whatsapp/config.js';
import { formatConfigErrors, loadConfig, type Config } from '../bot/config/index.js';
import { createVault } from '../bot/privacy/vault.js';
import { openDatabase } from '../store/sqlite-store.js';
import { WhatsAppAuthStore } from '../store/whatsapp-auth-store.js';
import { gazetteerImport } from './gazetteer.js';
import { createLogger } from './logger.js';
import { loadSecret } from './secret.js';
import { checkStartup, type StartupCheck } from './startup.js';

const HELP = `Usage: centinela <command>

Commands:
  check-config      check what \`npm start\` checks (the config from CENTINELA_CONFIG or ./centinela.yaml, the
                    platforms' settings, the secret, the backup key) and print every problem
  signal link       show the QR code that links signal-cli-rest-api to the network's Signal account
  signal groups     list the account's Signal groups with both id forms, ready to paste into the config
  whatsapp link [--phone +15550100000] [--force]
                    link the network's WhatsApp account: a QR code to scan, or a pairing code for the number
  whatsapp groups   list the account's WhatsApp groups with their JIDs, ready to paste into the config
  gazetteer import FILE [FILE...]
                    import an OpenStreetMap extract (.osm.pbf, .osm or .geojson) for place lookups; the bot
                    also imports the files under gazetteer.sources at start-up when they are newer
${BACKUP_HELP}${EXPORT_HELP}  help              show this help
`;

export async function runCli(argv: string[], out: Out = process.stdout, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, sub] = argv;
  switch (command) {
    case 'check-config':
      return checkConfig(out, env);
    case 'backup':
    case 'restore': {
      const config = load(out, env);
      if (!config) return 1;
      return command === 'backup' ? backupCommand(config, argv.slice(1), out) : restoreCommand(config, argv.slice(1), out);
    }
    case 'signal': {
      const config = load(out, env);
      if (!config) return 1;
      const parsed = parseSignalConfig(config.platforms.signal ?? {});
      if (!config.platforms.signal || !parsed.ok) {
        out.write(`${parsed.ok ? 'platforms.signal: required for this command' : formatConfigErrors(parsed.errors)}\n`);
        return 1;
      }
      return printingExpected(out, [SignalSetupError], async () => {
        if (sub === 'link') await signalLink({ url: parsed.config.url, deviceName: 'centinela' }, out);
        else if (sub === 'groups') await signalGroups({ url: parsed.config.url, number: parsed.config.number }, out);
        else {
          out.write(`Unknown command "signal ${sub ?? ''}".\n\n${HELP}`);
          return 2;
        }
        return 0;
      });
    }
    case 'whatsapp':
      return whatsapp(sub, argv.slice(2), out, env);
    case 'export': {
      const config = load(out, env);
      return config ? exportCommand(config, argv.slice(1), out) : 1;
    }
    case 'gazetteer': {
      if (sub !== 'import') {
        out.write(`Unknown command "gazetteer ${sub ?? ''}".\n\n${HELP}`);
        return 2;
      }
      const config = load(out, env);
      if (!config) return 1;
      mkdirSync(dirname(resolve(config.storage.path)), { recursive: true });
      return gazetteerImport(config, argv.slice(2), out);
    }
    case undefined:
    case 'help':
    case '--help':
      out.write(HELP);
      return 0;
    default:
      out.write(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

async function whatsapp(sub: string | undefined, args: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const config = load(out, env);
  if (!config) return 1;
  const parsed = parseWhatsAppConfig(config.platforms.whatsapp ?? {});
  if (!config.platforms.whatsapp || !parsed.ok) {
    out.write(`${parsed.ok ? 'platforms.whatsapp: required for this command' : formatConfigErrors(parsed.errors)}\n`);
    return 1;
  }
  if (sub !== 'link' && sub !== 'groups') {
    out.write(`Unknown command "whatsapp ${sub ?? ''}".\n\n${HELP}`);
    return 2;
  }
  const dbPath = resolve(config.storage.path);
  let secret: Buffer;
  try {
    secret = loadSecret(env, dirname(dbPath), { mayGenerate: false }).secret;
  } catch (err) {
    out.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const db = openDatabase(dbPath);
  try {
    return await printingExpected(out, [WhatsAppSetupError], async () => {
      const session = new WhatsAppAuthStore(db, createVault(secret));
      const opts = { session, ...(parsed.config.browserName ? { browserName: parsed.config.browserName } : {}) };
      if (sub === 'link') {
        const at = args.indexOf('--phone');
        const phone = at >= 0 ? args[at + 1] : undefined;
        await whatsappLink({ ...opts, force: args.includes('--force'), ...(phone ? { phone } : {}) }, out);
      } else await whatsappGroups(opts, out);
      return 0;
    });
  } finally {
    db.close();
  }
}

/** Runs start-up's own checks without starting, and says which config and which secret it read. */
function checkConfig(out: Out, env: NodeJS.ProcessEnv): number {
  const checked = checkStartup(env, () => createLogger('silent'), { generateSecret: false });
  out.write(`${describeSource(checked)}\n`);
  if (!checked.ok) {
    out.write(`${formatConfigErrors(checked.errors, checked.path)}\n`);
    return 1;
  }
  if (checked.secretToGenerate) out.write(`Secret: none yet; the demo generates one in ${checked.secretToGenerate} at first start.\n`);
  else if (checked.secret) out.write(`Secret: ${secretOrigin(checked.secret.source, env)}, long and random enough.\n`);
  out.write(`Port: ${checked.config.http.port} on ${checked.config.http.host}.\n`);
  out.write(`${describeMap(checked.config)}\n`);
  out.write('The config is valid.\n');
  return 0;
}

/** What the offline map will be: the sources (and which are missing), the config's own places. */
function describeMap(config: Config): string {
  const { sources } = config.gazetteer;
  if (sources.length === 0 && config.places.length === 0) return 'Offline map: none (zones from pins and zone aliases only).';
  const missing = sources.filter((s) => !existsSync(resolve(s)));
  const files = `${sources.length} map file(s)${missing.length > 0 ? `, not found (left out at start-up): ${missing.join(', ')}` : ''}`;
  return `Offline map: ${files}; ${config.places.length} place(s) of your own.`;
}

/** The file read, or the demo: a failed load always names its file, so no path means the demo. */
function describeSource(checked: StartupCheck): string {
  if (checked.path) return `Config file: ${checked.path}`;
  return 'No config file (CENTINELA_CONFIG is not set and ./centinela.yaml does not exist): checking the built-in demo.';
}

function secretOrigin(source: string, env: NodeJS.ProcessEnv): string {
  if (source === 'file') return `read from ${env.CENTINELA_SECRET_FILE ?? 'CENTINELA_SECRET_FILE'}`;
  if (source === 'env') return 'read from CENTINELA_SECRET';
  return 'the demo’s secret.key in the data folder';
}

function load(out: Out, env: NodeJS.ProcessEnv): Config | undefined {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    out.write(`${formatConfigErrors(loaded.errors, loaded.path)}\n`);
    return undefined;
  }
  return loaded.config;
}

const entry = process.argv[1] ?? '';
if (/(cli\.(ts|js)|centinela(\.js)?)$/.test(entry)) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
