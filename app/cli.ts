/**
 * Set-up commands for admins: `npm run centinela -- <command>` (or `npx centinela <command>`).
 */
import { signalGroups, signalLink, SignalSetupError } from '../adapters/signal/cli.js';
import { parseSignalConfig } from '../adapters/signal/config.js';
import { dirname, resolve } from 'node:path';
import { whatsappGroups, whatsappLink, WhatsAppSetupError } from '../adapters/whatsapp/cli.js';
import { parseWhatsAppConfig } from '../adapters/whatsapp/config.js';
import { formatConfigErrors, loadConfig, type Config } from '../bot/config/index.js';
import { createVault } from '../bot/privacy/vault.js';
import { openDatabase } from '../store/sqlite-store.js';
import { createLogger } from './logger.js';
import { buildPlatforms } from './platforms.js';
import { loadSecret } from './secret.js';

const HELP = `Usage: centinela <command>

Commands:
  check-config      validate the config (CENTINELA_CONFIG or ./centinela.yaml) and print every problem
  signal link       show the QR code that links signal-cli-rest-api to the network's Signal account
  signal groups     list the account's Signal groups with both id forms, ready to paste into the config
  whatsapp link [--phone +15550100000] [--force]
                    link the network's WhatsApp account: a QR code to scan, or a pairing code for the number
  whatsapp groups   list the account's WhatsApp groups with their JIDs, ready to paste into the config
  help              show this help
`;

interface Out {
  write(s: string): void;
}

export async function runCli(argv: string[], out: Out = process.stdout, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [command, sub] = argv;
  switch (command) {
    case 'check-config': {
      const config = load(out, env);
      if (!config) return 1;
      const built = buildPlatforms(config, env, createLogger('silent'));
      if (!built.ok) {
        out.write(`${formatConfigErrors(built.errors)}\n`);
        return 1;
      }
      out.write('The config is valid.\n');
      return 0;
    }
    case 'signal': {
      const config = load(out, env);
      if (!config) return 1;
      const parsed = parseSignalConfig(config.platforms.signal ?? {});
      if (!config.platforms.signal || !parsed.ok) {
        out.write(`${parsed.ok ? 'platforms.signal: required for this command' : formatConfigErrors(parsed.errors)}\n`);
        return 1;
      }
      try {
        if (sub === 'link') await signalLink({ url: parsed.config.url, deviceName: 'centinela' }, out);
        else if (sub === 'groups') await signalGroups({ url: parsed.config.url, number: parsed.config.number }, out);
        else {
          out.write(`Unknown command "signal ${sub ?? ''}".\n\n${HELP}`);
          return 2;
        }
        return 0;
      } catch (err) {
        if (err instanceof SignalSetupError) {
          out.write(`${err.message}\n`);
          return 1;
        }
        throw err;
      }
    }
    case 'whatsapp':
      return whatsapp(sub, argv.slice(2), out, env);
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
    const opts = { db, vault: createVault(secret), ...(parsed.config.browserName ? { browserName: parsed.config.browserName } : {}) };
    if (sub === 'link') {
      const at = args.indexOf('--phone');
      const phone = at >= 0 ? args[at + 1] : undefined;
      await whatsappLink({ ...opts, force: args.includes('--force'), ...(phone ? { phone } : {}) }, out);
    } else await whatsappGroups(opts, out);
    return 0;
  } catch (err) {
    if (err instanceof WhatsAppSetupError) {
      out.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    db.close();
  }
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
