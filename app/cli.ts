/**
 * Set-up commands for admins: `npm run centinela -- <command>` (or `npx centinela <command>`).
 */
import { formatConfigErrors, loadConfig } from '../bot/config/index.js';

const HELP = `Usage: centinela <command>

Commands:
  check-config      validate the config (CENTINELA_CONFIG or ./centinela.yaml) and print every problem
  help              show this help
`;

export async function runCli(argv: string[], out: { write(s: string): void } = process.stdout): Promise<number> {
  const [command] = argv;
  switch (command) {
    case 'check-config': {
      const loaded = loadConfig(process.env);
      if (!loaded.ok) {
        out.write(`${formatConfigErrors(loaded.errors, loaded.path)}\n`);
        return 1;
      }
      out.write(loaded.source === 'demo' ? 'No config file: the built-in demo config is valid.\n' : `${loaded.path ?? 'config'}: OK\n`);
      return 0;
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

const invokedDirectly = process.argv[1] !== undefined && /cli\.(ts|js)$/.test(process.argv[1]);
const viaBin = process.argv[1] !== undefined && /centinela(\.js)?$/.test(process.argv[1]);
if (invokedDirectly || viaBin) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
