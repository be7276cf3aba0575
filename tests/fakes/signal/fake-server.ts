/**
 * A fake bbernhard/signal-cli-rest-api for tests: real HTTP and a real WebSocket on 127.0.0.1
 * (random port), answering the endpoints Centinela uses the way the real server does
 * (src/api/api.go, src/client/client.go; see shared/reference/notes/signal.md):
 *
 * - `GET /v1/about` with the configured mode; `GET /v1/health` 204.
 * - json-rpc mode: WebSocket `/v1/receive/{number}`, one `{envelope, account}` text frame per
 *   message, only to sockets of that account; what is pushed while no socket is connected is
 *   LOST. A plain GET there is a 400 from gorilla.
 * - normal/native mode: messages wait until `GET /v1/receive/{number}` takes them, honouring
 *   `timeout` (an idle timeout) and `max_messages`, one signal-cli call per account at a time
 *   (sends wait for the lock too), answered as a JSON array served as text/plain; a call whose
 *   client went away still consumes its messages (see mailbox.ts). A WebSocket upgrade there
 *   gets an HTTP 200 answer with the array (no 101).
 * - `POST /v2/send` validates like the real one (see {@link validateSend}), answers 201
 *   `{"timestamp":"…"}` (release 0.100) or the newer array.
 * - `GET|DELETE /v1/attachments/{id}`, `GET /v1/groups/{number}`, `GET /v1/qrcodelink[/raw]`.
 *
 * Test controls: pushEnvelope, pushFrame, dropSockets, failNextSend, sent, stop/start (the
 * server goes down and comes back on the same port), addGroup, mode, modeResponse,
 * receiveCalls and lostInFlight (normal/native mode).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import QRCode from 'qrcode';
import { WebSocket, WebSocketServer } from 'ws';
import { newGroupEntry, type FakeGroupEntry } from './groups.js';
import { Mailbox } from './mailbox.js';
import type { MailboxTiming, ReceiveCall } from './mailbox.js';
import { readBody, receiveParamsProblem, validateSend } from './rules.js';
import type { SendBodyLike } from './rules.js';

export type FakeMode = 'json-rpc' | 'normal' | 'native';
export type { FakeGroupEntry } from './groups.js';

export interface FakeSendFailure {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An accepted `/v2/send` call. */
export interface FakeSent {
  body: SendBodyLike;
  timestamp: number;
  /** The client had gone before the answer (killed mid-send): it cannot know this was sent. */
  unanswered: boolean;
}

export interface FakeSignalOptions {
  /** Registered accounts; the first is the default for pushEnvelope. Default `['+15550100']`. */
  accounts?: string[];
  mode?: FakeMode;
  /** `/v2/send` 201 shape: `object` (release 0.100, default) or `array` (newer builds). */
  sendResponse?: 'object' | 'array';
  /** Timing of signal-cli calls in normal/native mode (real seconds by default). */
  timing?: MailboxTiming;
}

const TEXT = 'text/plain; charset=utf-8';

/** Whether the client of `res` has gone away (closed the connection before the answer). */
function watchClient(res: ServerResponse): () => boolean {
  let gone = false;
  res.once('close', () => (gone ||= !res.writableEnded));
  return () => gone || res.destroyed;
}

export class FakeSignalServer {
  mode: FakeMode;
  /** What `/v1/about` reports as `mode`, when it should differ from {@link mode}. */
  modeResponse: string | undefined;
  /** What `/v1/about` reports as `version` (the image's release). */
  version = '0.100';
  sendResponse: 'object' | 'array';
  readonly accounts: string[];
  readonly groups: FakeGroupEntry[] = [];
  /** Every request, as `METHOD /path` (query stripped). */
  readonly requests: string[] = [];

  private readonly server: Server;
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 512 });
  private readonly sockets = new Map<WebSocket, string>();
  private readonly mailbox: Mailbox;
  private readonly attachments = new Map<string, { bytes: Uint8Array; contentType: string }>();
  private readonly sends: FakeSent[] = [];
  private readonly failures: FakeSendFailure[] = [];
  private lastTimestamp = 0;
  private listenPort = 0;

  private constructor(opts: FakeSignalOptions) {
    this.accounts = opts.accounts ?? ['+15550100'];
    this.mode = opts.mode ?? 'json-rpc';
    this.sendResponse = opts.sendResponse ?? 'object';
    this.mailbox = new Mailbox(opts.timing);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
  }

  /** Starts a fake server on 127.0.0.1 and a random free port. */
  static async start(opts: FakeSignalOptions = {}): Promise<FakeSignalServer> {
    const fake = new FakeSignalServer(opts);
    await fake.start();
    return fake;
  }

  get port(): number {
    return this.listenPort;
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    return `http://127.0.0.1:${this.listenPort}`;
  }

  /** Brings the server (back) up on the same port. */
  async start(): Promise<void> {
    if (this.server.listening) return;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.listenPort, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const addr = this.server.address();
    if (addr && typeof addr === 'object') this.listenPort = addr.port;
  }

  /** Takes the server down (sockets dropped, port closed); queued messages and state survive. */
  async stop(): Promise<void> {
    this.dropSockets();
    this.mailbox.abortAll();
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  /** Final shutdown. */
  async close(): Promise<void> {
    await this.stop();
    this.wss.close();
  }

  // --- test controls --------------------------------------------------------------------------

  /** Adds a group the accounts are members of; a random 32-byte id unless given. */
  addGroup(name: string, internalId: string = randomBytes(32).toString('base64')): FakeGroupEntry {
    const g = newGroupEntry(name, internalId, this.accounts);
    this.groups.push(g);
    return g;
  }

  /** The group called `name`. */
  group(name: string): FakeGroupEntry {
    const g = this.groups.find((x) => x.name === name);
    if (!g) throw new Error(`fake signal: no group ${name}`);
    return g;
  }

  /**
   * Signal delivers an envelope to `account`. json-rpc: sent to that account's open sockets;
   * returns false when none was connected (the message is lost, as on the real server).
   * normal/native: queued for the next `GET /v1/receive`; returns true.
   */
  pushEnvelope(envelope: object, account: string = this.accounts[0] ?? ''): boolean {
    return this.pushFrame({ envelope, account }, account);
  }

  /** Pushes a raw frame (e.g. a `{"error": …}` frame) as the server would forward it. */
  pushFrame(frame: unknown, account: string = this.accounts[0] ?? ''): boolean {
    if (this.mode !== 'json-rpc') {
      this.mailbox.push(account, frame);
      return true;
    }
    const text = JSON.stringify(frame);
    const isError = !!frame && typeof frame === 'object' && 'error' in frame;
    let delivered = false;
    for (const [ws, acct] of this.sockets) {
      if (ws.readyState !== WebSocket.OPEN || (!isError && acct !== account)) continue;
      ws.send(text);
      delivered = true;
    }
    return delivered;
  }

  /** Messages waiting for `GET /v1/receive` (normal/native mode). */
  queued(account: string = this.accounts[0] ?? ''): number {
    return this.mailbox.queued(account);
  }

  /** Every `GET /v1/receive` call so far (normal/native mode), oldest first. */
  receiveCalls(): readonly ReceiveCall[] {
    return this.mailbox.calls;
  }

  /** Messages taken from Signal by receive calls whose answer nobody got: lost. */
  lostInFlight(): unknown[] {
    return this.mailbox.lost();
  }

  /** Drops every WebSocket abruptly (as a proxy restart or network blip would). */
  dropSockets(): void {
    for (const ws of this.sockets.keys()) ws.terminate();
    this.sockets.clear();
  }

  /** Open receive sockets. */
  socketCount(): number {
    return [...this.sockets.keys()].filter((ws) => ws.readyState === WebSocket.OPEN).length;
  }

  /** Resolves once `n` receive sockets are open; rejects after `timeoutMs`. */
  async waitForSockets(n: number, timeoutMs = 2_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.socketCount() < n) {
      if (Date.now() > deadline) throw new Error(`fake signal: ${this.socketCount()} sockets open, wanted ${n}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Makes the next valid `/v2/send` fail with this status, body and headers. */
  failNextSend(failure: FakeSendFailure): void {
    this.failures.push(failure);
  }

  /** Accepted sends, oldest first. */
  sent(): FakeSent[] {
    return [...this.sends];
  }

  /** The `message` of each accepted send to `recipient`. */
  sentTexts(recipient: string): string[] {
    return this.sends.filter((s) => s.body.recipients?.[0] === recipient).map((s) => s.body.message ?? '');
  }

  /** Stores an attachment as signal-cli would after receiving it. */
  addAttachment(id: string, bytes: Uint8Array, contentType = 'application/octet-stream'): void {
    this.attachments.set(id, { bytes, contentType });
  }

  attachmentIds(): string[] {
    return [...this.attachments.keys()];
  }

  // --- HTTP -----------------------------------------------------------------------------------

  private json(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const parts = url.pathname
      .split('/')
      .filter((p) => p !== '')
      .map((p) => decodeURIComponent(p));
    this.requests.push(`${method} ${url.pathname}`);
    const route = `${method} /${parts.slice(0, 2).join('/')}`;
    const arg = parts[2];

    if (route === 'GET /v1/about' && parts.length === 2) {
      return this.json(res, 200, {
        versions: ['v1', 'v2'],
        build: 2,
        mode: this.modeResponse ?? this.mode,
        version: this.version,
        capabilities: { 'v2/send': ['quotes', 'mentions'] },
      });
    }
    if (route === 'GET /v1/health') return void res.writeHead(204).end();
    if (route === 'GET /v1/accounts') return this.json(res, 200, this.accounts);
    if (route === 'GET /v1/receive' && arg !== undefined) return this.receive(arg, url, res);
    if (route === 'POST /v2/send') return await this.send(await readBody(req), res);
    if (route === 'GET /v1/groups' && arg !== undefined && parts.length === 3) {
      const expand = url.searchParams.get('expand') ?? 'false';
      if (expand !== 'true' && expand !== 'false') {
        return this.json(res, 400, { error: "Couldn't process request - expand parameter needs to be either 'true' or 'false'" });
      }
      if (!this.accounts.includes(arg)) return this.json(res, 400, { error: this.unknownAccount(arg) });
      return this.json(res, 200, this.groups);
    }
    if (route === 'GET /v1/attachments' && parts.length === 2) return this.json(res, 200, this.attachmentIds());
    if ((route === 'GET /v1/attachments' || route === 'DELETE /v1/attachments') && arg !== undefined) {
      if (arg.includes('/') || arg.includes('\\') || arg.includes('..'))
        return this.json(res, 400, { error: 'Please provide a valid attachment name' });
      const att = this.attachments.get(arg);
      if (!att) return this.json(res, 404, { error: 'No attachment with that name found' });
      if (method === 'DELETE') {
        this.attachments.delete(arg);
        return void res.writeHead(204).end();
      }
      res.writeHead(200, { 'content-type': att.contentType, 'content-length': att.bytes.byteLength });
      return void res.end(Buffer.from(att.bytes));
    }
    if (route === 'GET /v1/qrcodelink') {
      const name = url.searchParams.get('device_name') ?? '';
      if (name === '') return this.json(res, 400, { error: 'Please provide a name for the device' });
      const link = `sgnl://linkdevice?uuid=${randomBytes(16).toString('base64url')}&pub_key=${randomBytes(33).toString('base64url')}`;
      if (arg === 'raw') return this.json(res, 200, { device_link_uri: link });
      if (arg !== undefined) return this.notFound(res);
      const version = url.searchParams.get('qrcode_version');
      if (version !== null && !/^-?\d+$/.test(version))
        return this.json(res, 400, { error: 'The qrcode_version parameter needs to be an integer!' });
      const png = await QRCode.toBuffer(link, { width: 256 });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.byteLength });
      return void res.end(png);
    }
    return this.notFound(res);
  }

  private notFound(res: ServerResponse): void {
    res.writeHead(404, { 'content-type': TEXT });
    res.end('404 page not found');
  }

  private unknownAccount(account: string): string {
    return this.mode === 'json-rpc' ? 'Specified account does not exist' : `User ${account} is not registered.\n`;
  }

  private async receive(account: string, url: URL, res: ServerResponse): Promise<void> {
    if (this.mode === 'json-rpc') {
      res.writeHead(400, { 'content-type': TEXT });
      res.end(
        'Bad Request\n' +
          JSON.stringify({
            error: "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header",
          }),
      );
      return;
    }
    const problem = receiveParamsProblem(url.searchParams);
    if (problem) return this.json(res, 400, { error: problem });
    if (!this.accounts.includes(account)) return this.json(res, 400, { error: this.unknownAccount(account) });
    const clientGone = watchClient(res);
    const timeout = Number(url.searchParams.get('timeout') ?? '1');
    const max = Number(url.searchParams.get('max_messages') ?? '0');
    const { call, error } = await this.mailbox.receive(account, timeout, max, clientGone);
    if (error !== undefined) return res.destroyed ? undefined : this.json(res, 400, { error });
    res.writeHead(200, { 'content-type': TEXT });
    res.end(this.asArray(call.taken));
  }

  /** Frames as the JSON array text signal-cli's output lines are joined into. */
  private asArray(items: unknown[]): string {
    return '[' + items.map((i) => JSON.stringify(i)).join(',') + ']';
  }

  private async send(raw: string, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return this.json(res, 400, { error: "Couldn't process request - invalid request" });
    }
    const checked = validateSend(body, {
      accounts: this.accounts,
      groupIds: this.groups.map((g) => g.internal_id),
      jsonRpc: this.mode === 'json-rpc',
    });
    if (!checked.ok) return this.json(res, 400, { error: checked.error });
    const clientGone = watchClient(res);
    // Normal/native mode: signal-cli runs for the send, after the account lock.
    if (this.mode !== 'json-rpc') await this.mailbox.asCommand(checked.body.number ?? '', () => undefined);
    const failure = this.failures.shift();
    if (failure) {
      const text = typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body);
      res.writeHead(failure.status, { 'content-type': 'application/json; charset=utf-8', ...failure.headers });
      return void res.end(text);
    }
    const timestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    this.lastTimestamp = timestamp;
    this.sends.push({ body: checked.body, timestamp, unanswered: clientGone() });
    const entry = { timestamp: String(timestamp) };
    this.json(res, 201, this.sendResponse === 'array' ? [entry] : entry);
  }

  // --- WebSocket ------------------------------------------------------------------------------

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').filter((p) => p !== '');
    const account = parts[0] === 'v1' && parts[1] === 'receive' && parts.length === 3 ? decodeURIComponent(parts[2]!) : undefined;
    this.requests.push(`UPGRADE ${url.pathname}`);
    if (account === undefined) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 18\r\nConnection: close\r\n\r\n404 page not found');
      return;
    }
    if (this.mode !== 'json-rpc') {
      // The real server runs the GET handler and answers 200 with the array (issue #646).
      const body = this.accounts.includes(account)
        ? this.asArray(this.mailbox.takeAll(account))
        : JSON.stringify({ error: this.unknownAccount(account) });
      const status = this.accounts.includes(account) ? '200 OK' : '400 Bad Request';
      socket.end(
        `HTTP/1.1 ${status}\r\nContent-Type: ${TEXT}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.set(ws, account);
      ws.on('close', () => this.sockets.delete(ws));
      ws.on('error', () => ws.terminate());
    });
  }
}
