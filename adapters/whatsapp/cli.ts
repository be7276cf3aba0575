/**
 * Set-up helpers behind `centinela whatsapp link` and `centinela whatsapp groups`.
 *
 * - {@link whatsappLink} links Centinela to the network's WhatsApp account as a linked device:
 *   it shows the QR WhatsApp sends (refreshed every 20 s) in the terminal, or, given the account's
 *   phone number, asks for an 8-character pairing code to type on the phone instead. The session
 *   lands in the SQLite store, sealed; `npm start` then reconnects without a scan.
 * - {@link whatsappGroups} lists the account's groups with names and JIDs, and a config snippet.
 *
 * Both use a socket of their own: stop the running bot first (two connections with one session
 * throw each other out). Both resolve when done and reject with {@link WhatsAppSetupError}, whose
 * message is meant to be printed as is (it never repeats a phone number).
 */
import type { ConnectionState } from '@whiskeysockets/baileys';
import QRCode from 'qrcode';
import { DEFAULT_BROWSER_NAME } from './config.js';
import { disconnectAction, statusCodeOf } from './errors.js';
import { baileysLogger } from './logger.js';
import { baileysSocketFactory } from './socket.js';
import type { SocketFactory, WhatsAppSocket } from './socket.js';
import type { WhatsAppSessionStore } from './session-port.js';

/** Where the CLI writes (process.stdout, or a buffer in tests). */
export interface Out {
  write(s: string): void;
}

/** A set-up failure with an admin-readable message. */
export class WhatsAppSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WhatsAppSetupError';
  }
}

export interface WhatsAppCliOptions {
  /** Where the session is kept (the sealed store in the Centinela database). */
  session: WhatsAppSessionStore;
  browserName?: string;
  /** Default Baileys' makeWASocket; tests pass a fake. */
  socketFactory?: SocketFactory;
  /** Give up after this long (default 3 minutes to link, 60 s to list groups). */
  timeoutMs?: number;
}

export interface LinkOptions extends WhatsAppCliOptions {
  /** The account's number with country code (`+1 555 010 0000`): a pairing code instead of a QR. */
  phone?: string;
  /** Drop a stored session and link again. */
  force?: boolean;
}

const LINK_TIMEOUT_MS = 180_000;
const GROUPS_TIMEOUT_MS = 60_000;
const STOP_FIRST = 'Stop the running Centinela first: two connections with one session throw each other out.';

/**
 * Links the account: prints the QR (or the pairing code when `phone` is given) and resolves once
 * the phone accepted and the session is stored.
 * @example await whatsappLink({ session: new WhatsAppAuthStore(db, vault) }, process.stdout)
 */
export async function whatsappLink(o: LinkOptions, out: Out): Promise<void> {
  const auth = o.session;
  if (auth.linked() && !o.force) {
    throw new WhatsAppSetupError(
      'WhatsApp is already linked; `npm start` uses that session. To link again (another phone, or after trouble), run `centinela whatsapp link --force`.',
    );
  }
  const digits = o.phone !== undefined ? pairingNumber(o.phone) : undefined;
  auth.clear();
  out.write(`${STOP_FIRST}\n\n`);
  let shown = false;
  await session(o, auth, o.timeoutMs ?? LINK_TIMEOUT_MS, 'link', async (socket, update) => {
    if (update.qr === undefined || update.qr === null) return;
    if (digits === undefined) {
      const qr = await QRCode.toString(update.qr, { type: 'terminal', small: true });
      out.write(
        [
          shown
            ? 'A new code (the previous one expired):'
            : "On the phone that holds the network's WhatsApp number, open WhatsApp > Settings > Linked devices > Link a device, and scan:",
          '',
          qr,
          '',
        ].join('\n'),
      );
    } else if (!shown) {
      const code = await socket.requestPairingCode(digits);
      const pretty = code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
      out.write(
        [
          'On the phone that holds this number, open WhatsApp > Settings > Linked devices > Link a device >',
          '"Link with phone number instead", and enter:',
          '',
          `    ${pretty}`,
          '',
        ].join('\n'),
      );
    }
    shown = true;
  });
  out.write('WhatsApp is linked. The session is stored (encrypted) in the database; `npm start` reconnects without a scan.\n');
}

/**
 * Lists the account's groups (name, JID, size) and a snippet for `chats` in centinela.yaml.
 * @example await whatsappGroups({ session }, process.stdout)
 */
export async function whatsappGroups(o: WhatsAppCliOptions, out: Out): Promise<void> {
  const auth = o.session;
  if (!auth.linked()) throw new WhatsAppSetupError('WhatsApp is not linked yet: run `centinela whatsapp link` first.');
  let found: { id: string; subject: string; size: number }[] = [];
  await session(
    o,
    auth,
    o.timeoutMs ?? GROUPS_TIMEOUT_MS,
    'list the groups',
    async () => undefined,
    async (socket) => {
      const all = await socket.groupFetchAllParticipating();
      found = Object.values(all)
        .map((g) => ({ id: g.id, subject: oneLine(g.subject ?? ''), size: g.size ?? g.participants.length }))
        .sort((a, b) => a.subject.localeCompare(b.subject));
    },
  );
  if (found.length === 0) {
    out.write(
      "The account is in no WhatsApp groups yet. Add the network's number to your verifier and responder groups, then run this again.\n",
    );
    return;
  }
  const lines = [`WhatsApp groups of this account (${found.length}):`, ''];
  for (const g of found) lines.push(`  ${g.subject}`, `    id: ${g.id}  (${g.size} members)`, '');
  lines.push('Paste the ones you need under chats.verifiers or chats.responders in centinela.yaml:', '');
  for (const g of found) lines.push(`    - { platform: whatsapp, id: "${g.id}" }  # ${g.subject}`);
  lines.push('');
  out.write(lines.join('\n'));
}

type Update = Partial<ConnectionState>;

/**
 * Runs sockets until the connection opens (following 515 restarts, as after a scan), calling
 * `onUpdate` for each connection update, then `whenOpen`, then closes. Creds are saved throughout.
 */
async function session(
  o: WhatsAppCliOptions,
  auth: WhatsAppSessionStore,
  timeoutMs: number,
  what: string,
  onUpdate: (socket: WhatsAppSocket, update: Update) => Promise<void>,
  whenOpen: (socket: WhatsAppSocket) => Promise<void> = async () => undefined,
): Promise<void> {
  const factory = o.socketFactory ?? baileysSocketFactory;
  let socket: WhatsAppSocket | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const done = (): void => {
        if (settled) return;
        settled = true;
        resolve();
      };
      const fail = (err: unknown): void => {
        if (settled) return;
        settled = true;
        reject(
          err instanceof WhatsAppSetupError
            ? err
            : new WhatsAppSetupError(`WhatsApp could not ${what}: ${errorName(err)}.`, { cause: err }),
        );
      };
      timer = setTimeout(
        () => fail(new WhatsAppSetupError(`Gave up after ${Math.round(timeoutMs / 1000)} s without a connection; run the command again.`)),
        timeoutMs,
      );
      const open = async (): Promise<void> => {
        const s = await factory({
          auth: auth.state(),
          logger: baileysLogger(),
          browserName: o.browserName ?? DEFAULT_BROWSER_NAME,
          getMessage: async () => undefined,
        });
        socket = s;
        s.ev.on('creds.update', (update) => {
          Object.assign(s.authState.creds, update);
          auth.saveCreds(s.authState.creds);
        });
        s.ev.on('connection.update', (u) => {
          if (settled || socket !== s) return;
          onUpdate(s, u).catch(fail);
          if (u.connection === 'open') {
            whenOpen(s).then(done, fail);
          } else if (u.connection === 'close') {
            const error = u.lastDisconnect?.error;
            const action = disconnectAction(error, 1);
            // 515 right after a scan is normal: the session continues on a new socket.
            if (action.kind === 'restart') open().catch(fail);
            else fail(closedError(action.kind, statusCodeOf(error), what));
          }
        });
      };
      open().catch(fail);
    });
  } finally {
    clearTimeout(timer);
    await socket?.end(undefined).catch(() => undefined);
  }
}

function closedError(kind: string, code: number | undefined, what: string): WhatsAppSetupError {
  if (kind === 'logged_out')
    return new WhatsAppSetupError('WhatsApp refused the session (logged out). Run `centinela whatsapp link --force` to link again.');
  if (kind === 'replaced') return new WhatsAppSetupError(`Another connection is using this session. ${STOP_FIRST}`);
  if (kind === 'forbidden') return new WhatsAppSetupError('WhatsApp refused the account (restricted or banned). Check the phone.');
  if (code === 408) return new WhatsAppSetupError('The code expired before it was used; run the command again.');
  if (code === 405) return new WhatsAppSetupError('WhatsApp refused this client version; update Centinela (its Baileys version).');
  return new WhatsAppSetupError(`The WhatsApp connection closed (${code ?? 'network'}) before it could ${what}; run the command again.`);
}

/** The digits WhatsApp wants for a pairing code: country code and number, nothing else. */
export function pairingNumber(phone: string): string {
  const digits = phone
    .replace(/[\s().-]/g, '')
    .replace(/^\+/, '')
    .replace(/^00/, '');
  if (!/^\d{8,15}$/.test(digits)) {
    throw new WhatsAppSetupError(
      "Expected the account's phone number with its country code, e.g. +1 555 010 0000 (digits, spaces, dashes).",
    );
  }
  return digits;
}

function oneLine(name: string): string {
  const clean = name.replace(/[\r\n\t]+/g, ' ').trim();
  return clean === '' ? '(no name)' : clean.slice(0, 80);
}

function errorName(err: unknown): string {
  return err instanceof Error ? err.name : 'unknown error';
}
