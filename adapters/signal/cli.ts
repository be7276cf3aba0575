/**
 * Set-up helpers behind `centinela signal link` and `centinela signal groups`.
 *
 * - `signalLink` asks the server for a device-link URI (`GET /v1/qrcodelink/raw`) and prints it
 *   as a QR code in the terminal: scan it in Signal > Settings > Linked devices.
 * - `signalGroups` lists the account's groups (`GET /v1/groups/{number}`) with both id forms
 *   and a config snippet to paste.
 *
 * Both resolve when done and reject with {@link SignalSetupError}, whose message is meant to be
 * printed as is.
 */
import QRCode from 'qrcode';
import { AdapterError } from '../../bot/port.js';
import { SignalHttp } from './http.js';

/** Where the CLI writes (process.stdout, or a buffer in tests). */
export interface Out {
  write(s: string): void;
}

/** A set-up failure with an admin-readable message. */
export class SignalSetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignalSetupError';
  }
}

/** The URL without any user:password part, for messages. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return 'the configured URL';
  }
}

function setupError(err: unknown, url: string, what: string): SignalSetupError {
  const where = shownUrl(url);
  if (err instanceof AdapterError && err.code === 'unavailable') {
    return new SignalSetupError(
      `Could not reach signal-cli-rest-api at ${where} (${err.message}). Is the container running, and is platforms.signal.url right?`,
      { cause: err },
    );
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new SignalSetupError(`signal-cli-rest-api at ${where} could not ${what}: ${detail}`, { cause: err });
}

/**
 * Prints a QR code to link the Signal account (on a phone) to signal-cli-rest-api as a new
 * device named `deviceName`, plus the link itself.
 * @example await signalLink({ url: 'http://127.0.0.1:8080', deviceName: 'centinela' }, process.stdout)
 */
export async function signalLink(opts: { url: string; deviceName: string; fetch?: typeof fetch }, out: Out): Promise<void> {
  const http = new SignalHttp(opts.fetch ? { url: opts.url, fetch: opts.fetch, timeoutMs: 30_000 } : { url: opts.url, timeoutMs: 30_000 });
  let uri: string;
  try {
    const res = await http.request('GET', `/v1/qrcodelink/raw?device_name=${encodeURIComponent(opts.deviceName)}`);
    const body = await http.json(res);
    const link = body && typeof body === 'object' ? (body as { device_link_uri?: unknown }).device_link_uri : undefined;
    if (typeof link !== 'string' || link === '') throw new Error('the answer had no device_link_uri');
    uri = link;
  } catch (err) {
    throw setupError(err, opts.url, 'create a device link');
  }
  const qr = await QRCode.toString(uri, { type: 'terminal', small: true });
  out.write(
    [
      `Link Centinela to your Signal account as device "${opts.deviceName}":`,
      'On the phone that holds the bot\'s number, open Signal > Settings > Linked devices > "+", and scan:',
      '',
      qr,
      'Or paste this link into a Signal client that asks for it:',
      uri,
      '',
      'The code is valid for a short time; run this command again for a fresh one.',
      '',
    ].join('\n'),
  );
}

/** Keeps a group name on one line and short. */
function oneLine(name: string): string {
  const clean = name.replace(/[\r\n\t]+/g, ' ').trim();
  return clean === '' ? '(no name)' : clean.slice(0, 80);
}

/**
 * Lists the account's groups with their name, the `group.` id Centinela uses and the raw
 * `internal_id` received messages carry, followed by a YAML snippet for the config.
 * @example await signalGroups({ url: 'http://127.0.0.1:8080', number: '+15550100' }, process.stdout)
 */
export async function signalGroups(opts: { url: string; number: string; fetch?: typeof fetch }, out: Out): Promise<void> {
  const http = new SignalHttp(opts.fetch ? { url: opts.url, fetch: opts.fetch } : { url: opts.url });
  let groups;
  try {
    groups = await http.groups(opts.number);
  } catch (err) {
    throw setupError(err, opts.url, 'list the groups');
  }
  if (groups.length === 0) {
    out.write(
      "The account is in no Signal groups yet. Add the bot's number to your verifier and responder groups, " +
        'then run this again (in normal mode, after the bot has received at least once).\n',
    );
    return;
  }
  const lines = [`Signal groups of this account (${groups.length}):`, ''];
  for (const g of groups) {
    lines.push(`  ${oneLine(g.name)}${g.blocked ? ' (blocked)' : ''}`);
    lines.push(`    id:          ${g.id}`);
    lines.push(`    internal_id: ${g.internal_id}`);
    lines.push('');
  }
  lines.push('Paste the ones you need under chats.verifiers or chats.responders in centinela.yaml:', '');
  for (const g of groups) lines.push(`    - { platform: signal, id: "${g.id}" }  # ${oneLine(g.name)}`);
  lines.push('');
  out.write(lines.join('\n'));
}
