/**
 * The runtime: for each inbound message, one transaction that dedupes it, steps the engine,
 * saves the session and writes every consequence (reports, outbox rows). Sending happens after
 * commit, from the outbox (see OutboxDispatcher).
 *
 * A message with files is recorded first (inbox mark and a sealed pending row, see
 * pending-inbound.ts) and its photos are cleaned in the background, through a bounded decode
 * queue; the adapter goes on with the next message meanwhile, so a slow or hostile photo never
 * delays other tipsters, and a redelivery is a duplicate before anything is decoded.
 */
import { stepInPlace } from '../engine/step.js';
import type { EngineEvent, EngineInput, EngineSettings, MediaItem, Session, StepResult } from '../engine/types.js';
import type { PlaceFinder } from '../geo/gazetteer/types.js';
import type { Flow } from '../flows/flow.js';
import type { Renderer } from '../i18n/render.js';
import type { Logger } from '../logger.js';
import type { Attachment, InboundMessage } from '../messages.js';
import { ONE_OFF_CHAT_PREFIX, sealAddress } from '../outbox-row.js';
import { DecodeQueue } from '../privacy/decode-queue.js';
import { cleanAttachment, cleaningOf, DEFAULT_MEDIA_LIMITS, type CleanedAttachment, type MediaLimits } from '../privacy/media.js';
import { stripInvisible } from '../privacy/sanitize.js';
import type { Vault } from '../privacy/vault.js';
import { isNewSighting } from '../verification/relay.js';
import type { VerificationStore } from '../verification/store-port.js';
import { applyIntakeEvent } from './apply-events.js';
import { GroupCommit } from './group-commit.js';
import { describePending, restorePending, type PendingInboundStore } from './pending-inbound.js';
import type { RetentionSweeper } from './retention.js';
import { hasSeen, seenKeys, withSeen } from './seen-messages.js';
import type { Recipient, RuntimeStore, StepOutcome, StoredSession } from './store-port.js';
import type { VerificationHost } from './verification-host.js';
import { warmUp } from './warm-up.js';

export interface RuntimeDeps {
  store: RuntimeStore & VerificationStore;
  /** Messages recorded while their photos are cleaned; on the same database as `store`. */
  pending: PendingInboundStore;
  flow: Flow;
  settings: EngineSettings;
  /** The offline map for place lookups (read-only); absent: zones from pins and aliases only. */
  places?: PlaceFinder;
  renderer: Renderer;
  vault: Vault;
  clock: () => number;
  newId: () => string;
  /** Verifier and responder chats: commands, cards, alerts, delivery reports. */
  verification: VerificationHost;
  /** Largest attachment kept, in bytes. */
  maxMediaBytes: number;
  /** Limits for cleaning photos (bytes, pixels, size of the result); default DEFAULT_MEDIA_LIMITS. */
  mediaLimits?: MediaLimits;
  /** Where photo decodes wait their turn; default one decode at a time, eight waiting. */
  decodeQueue?: DecodeQueue;
  /**
   * Files that cannot be cleaned (video, HEIC): 'withhold' (default) keeps only a note that they
   * came; 'verifiers' also keeps their bytes so the verifier chats get them. Never responders.
   */
  uncleanableMedia?: 'withhold' | 'verifiers';
  logger: Logger;
  /** Deletes what is past its retention limit; run from tick() every `sweepMinutes` of the clock. */
  retention?: RetentionSweeper;
  /** Called after a commit that wrote outbox rows. */
  onOutbox?: () => void;
}

/** `queued`: recorded, and handled once its files are cleaned (see {@link Runtime.idle}). */
export type InboundOutcome = 'handled' | 'duplicate' | 'ignored' | 'queued';

/** The message kinds a tipster may send with a report; anything else is explained and dropped. */
const KEPT_KINDS = new Set(['image', 'video']);

export class Runtime {
  readonly counters = { inbound: 0, duplicates: 0, ignored: 0, reports: 0, timers: 0 };
  /** Photo decodes: at most one at a time; its counters say how many ran. */
  readonly decoder: DecodeQueue;
  /** Inbox keys of messages whose files are being cleaned now. */
  private readonly cleaning = new Set<string>();
  /** Per tipster, the last of their messages still queued: their later messages are handled after it, in order. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly background = new Set<Promise<void>>();
  /** Messages received in the same turn, handled in one transaction (see group-commit.ts). */
  readonly group: GroupCommit<InboundMessage, InboundOutcome>;

  constructor(private readonly d: RuntimeDeps) {
    this.decoder = d.decodeQueue ?? new DecodeQueue();
    this.group = new GroupCommit((msgs) => this.handleGroup(msgs));
  }

  /**
   * The adapters' entry point. A direct message with files is recorded at once (inbox mark and
   * a sealed pending row, never file bytes) and resolves `queued`; its photos are then cleaned
   * in the background (re-encoded without metadata, bombs and broken files refused; see
   * privacy/media.ts) and the message handled with the cleaned files. The originals are never
   * stored. The same tipster's later messages wait for it, so their order is kept; everything
   * else is handled with the messages that came in the same turn, in one transaction, and
   * resolves once that transaction has committed (group commit, see group-commit.ts).
   */
  async receive(msg: InboundMessage): Promise<InboundOutcome> {
    // Group chats never hand files to anyone: nothing to clean there.
    if (msg.chat.kind !== 'direct') return this.group.add(msg);
    // Nothing queued and no files (the usual case): no need for the sender's pseudonym here.
    if (msg.attachments.length === 0 && this.tails.size === 0) return this.group.add(msg);
    const sender = this.d.vault.pseudonym(msg.platform, msg.sender);
    if (msg.attachments.length === 0 && !this.tails.has(sender)) return this.group.add(msg);
    this.group.flush(); // what came before this message is stored first
    return this.enqueueCleaning(msg, sender);
  }

  /**
   * Handles one inbound message durably, in one transaction of its own (after the messages
   * receive() is still holding). Its attachments are taken as cleaned only when receive()
   * cleaned them; anything else is held as not cleaned.
   */
  handleInbound(inbound: InboundMessage): InboundOutcome {
    this.group.flush();
    return this.handle(inbound, undefined);
  }

  /** Resolves once every message queued by receive() has been handled (tests, stop()). */
  async idle(): Promise<void> {
    this.group.flush();
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /**
   * Handles the messages a crash left pending (run at start, before any adapter): each with its
   * text, its files marked lost, so the tipster is told the photo could not be used.
   */
  recoverPending(): number {
    let handled = 0;
    for (const row of this.d.pending.listPending()) {
      let msg: InboundMessage | undefined;
      try {
        msg = restorePending(this.d.vault.open(row.sealed));
      } catch {
        msg = undefined;
      }
      if (msg) {
        this.handle(msg, row.key);
        handled += 1;
      } else {
        this.d.store.transaction(() => this.d.pending.takePending(row.key));
        this.d.logger.warn({ platform: row.platform }, 'pending message unreadable (another secret?); dropped');
      }
    }
    if (handled > 0) this.d.logger.info({ count: handled }, 'messages left pending by a restart handled; their files were lost');
    return handled;
  }

  /** Warms the message path up with made-up conversations that are rolled back (see warm-up.ts). */
  warmUp(): number {
    return warmUp(this.d, (msg) => this.handleInTransaction(msg, undefined));
  }

  /** Step (1) of a message with files: the inbox mark and the sealed pending row, in one transaction. */
  private enqueueCleaning(msg: InboundMessage, sender: string): InboundOutcome {
    const messageKey = this.messageKey(msg);
    const now = this.d.clock();
    const fresh =
      !this.cleaning.has(messageKey) &&
      this.d.store.transaction(() => {
        if (!this.d.store.markInbound(msg.platform, messageKey, now)) return false;
        this.d.pending.savePending({ key: messageKey, platform: msg.platform, sealed: this.d.vault.seal(describePending(msg)) }, now);
        return true;
      });
    if (!fresh) {
      this.counters.duplicates += 1;
      return 'duplicate';
    }
    this.cleaning.add(messageKey);
    const cleaned = this.clean(msg.attachments); // starts now; the decode queue bounds it
    const previous = this.tails.get(sender);
    const task: Promise<void> = this.handleWhenCleaned(msg, messageKey, cleaned, previous).finally(() => {
      this.cleaning.delete(messageKey);
      if (this.tails.get(sender) === task) this.tails.delete(sender);
      this.background.delete(task);
    });
    this.tails.set(sender, task);
    this.background.add(task);
    return 'queued';
  }

  /** Step (3): once the files are clean and the tipster's previous message handled, handles this one. Never rejects. */
  private async handleWhenCleaned(
    msg: InboundMessage,
    messageKey: string,
    cleaned: Promise<CleanedAttachment[]>,
    previous: Promise<void> | undefined,
  ): Promise<void> {
    try {
      const attachments = await cleaned;
      await previous;
      this.handle({ ...msg, attachments }, messageKey);
    } catch (err) {
      // The pending row stays: the message (its text) is handled at the next start.
      this.d.logger.warn({ err: err instanceof Error ? err.name : typeof err }, 'queued message not handled; kept for the next start');
    }
  }

  /** Step (2): cleans a message's files one after another, through the decode queue. Never rejects. */
  private async clean(attachments: Attachment[]): Promise<CleanedAttachment[]> {
    const limits = this.d.mediaLimits ?? DEFAULT_MEDIA_LIMITS;
    const out: CleanedAttachment[] = [];
    for (const a of attachments) out.push(await cleanAttachment(a, limits, this.decoder));
    const withheld = out.filter((a) => !a.cleaned).map((a) => `${a.kind}:${a.withheld ?? '?'}`);
    if (withheld.length > 0) this.d.logger.info({ withheld }, 'attachments not cleaned');
    return out;
  }

  /** Platform message ids can embed the sender (Signal's are `<uuid>:<timestamp>`): keep only a keyed hash. */
  private messageKey(msg: InboundMessage): string {
    return this.d.vault.pseudonym(msg.platform, `msg:${msg.messageId}`);
  }

  /**
   * One transaction: the redelivery check (the session's last message ids, else the inbox; with
   * `pendingKey`, the removal of the pending row written when the message came), then the message
   * itself. Only messages the conversation engine takes skip the inbox row: their id goes into
   * the session row, which the step rewrites anyway.
   */
  private handle(inbound: InboundMessage, pendingKey: string | undefined): InboundOutcome {
    const outcome = this.d.store.transaction(() => this.handleInTransaction(inbound, pendingKey));
    this.committed([outcome]);
    return outcome;
  }

  /** Messages that came together: one transaction, a savepoint each (see group-commit.ts). */
  private handleGroup(msgs: InboundMessage[]): StepOutcome<InboundOutcome>[] {
    const outcomes = this.d.store.transactionEach(msgs.map((m) => () => this.handleInTransaction(m, undefined)));
    this.committed(outcomes.flatMap((o) => (o.ok ? [o.value] : [])));
    return outcomes;
  }

  /** After the commit: counters, the dispatcher woken, erasures made final in the file. */
  private committed(outcomes: InboundOutcome[]): void {
    let handled = false;
    for (const outcome of outcomes) {
      if (outcome === 'duplicate') this.counters.duplicates += 1;
      else if (outcome === 'ignored') this.counters.ignored += 1;
      else this.counters.inbound += 1;
      if (outcome === 'handled') handled = true;
    }
    if (handled) this.d.onOutbox?.();
    // After STOP, the erased draft must leave the -wal file now, not at the next sweep.
    if (!this.d.store.flushErasures()) this.d.logger.warn({}, 'wal checkpoint after erasure did not complete');
  }

  /** The body of {@link Runtime.handle}, inside the caller's transaction (or savepoint). */
  private handleInTransaction(inbound: InboundMessage, pendingKey: string | undefined): InboundOutcome {
    const now = this.d.clock();
    const msg = inbound.text === undefined ? inbound : { ...inbound, text: stripInvisible(inbound.text) };
    const { store } = this.d;
    const messageKey = pendingKey ?? this.messageKey(msg);
    // A message with files was recorded in the inbox when it came (see enqueueCleaning).
    if (pendingKey && !this.d.pending.takePending(pendingKey)) return 'duplicate';
    if (msg.chat.kind !== 'direct') {
      if (!pendingKey && !store.markInbound(msg.platform, messageKey, now)) return 'duplicate';
      // Group chats: verifier commands and responder acknowledgements; chatter and strangers are ignored on purpose.
      return this.d.verification.onGroupMessage(msg, now) ? 'handled' : 'ignored';
    }
    // A direct message is known from the tipster's session (the ids of their last messages, see
    // seen-messages.ts) or, when it was handled some other way, from its inbox row.
    const key = this.d.vault.pseudonym(msg.platform, msg.sender);
    const stored = store.loadSession(key);
    if (hasSeen(stored?.seen ?? '', messageKey)) return 'duplicate';
    if (!pendingKey && store.wasInbound(msg.platform, messageKey)) return 'duplicate';
    const command = this.d.verification.directCommand(msg);
    if (command) {
      if (!pendingKey) store.markInbound(msg.platform, messageKey, now);
      this.d.verification.onDirectCommand(msg, command, now);
      return 'handled';
    }
    let relay = this.d.verification.openRelayFor(key, now);
    if (relay && msg.text && msg.attachments.length === 0 && this.newSighting(msg.text, relay.report, now)) {
      // A new sighting while a question is open: passed on as the answer, and also a report of its own.
      this.d.verification.tipsterWrote('answer', relay.report, msg.text, [], now);
      relay = undefined;
    }
    const address = stored?.address ?? sealAddress(this.d.vault, { id: msg.chat.id, kind: 'direct' });
    const media = this.holdAttachments(key, msg.attachments, now);
    const input: EngineInput = {
      type: 'message',
      messageId: messageKey,
      platform: msg.platform,
      timestamp: msg.timestamp,
      media,
      ...(msg.text !== undefined ? { text: msg.text } : {}),
      ...(msg.location ? { location: msg.location } : {}),
      ...(msg.editOf !== undefined ? { editOf: this.d.vault.pseudonym(msg.platform, `msg:${msg.editOf}`) } : {}),
      ...(relay ? { relay } : {}),
    };
    const seen = withSeen(stored?.seen ?? '', messageKey);
    this.stepAndApply({ key, platform: msg.platform, address, seen, chat: msg.chat }, stored?.session ?? null, input, now);
    return 'handled';
  }

  /**
   * Wakes sessions whose timer is due (reminders, expiry, forgetting), expires stale reports, and
   * runs the retention sweep when it is due (after the timers have caught up, so an unfinished
   * report gets its own expiry, and is sent if worth it, before the sweeper may delete it).
   */
  tick(limit = 100): number {
    this.group.flush();
    const now = this.d.clock();
    const wrote = this.d.store.transaction(
      () => this.d.verification.expire(now) + this.d.verification.digest(now) + this.d.verification.fieldTick(now),
    );
    if (wrote > 0) this.d.onOutbox?.();
    const due = this.d.store.dueSessions(now, limit);
    for (const s of due) {
      this.d.store.transaction(() => {
        const fresh = this.d.store.loadSession(s.key);
        if (!fresh || (fresh.session.wakeAt ?? Infinity) > now) return;
        this.stepAndApply(fresh, fresh.session, { type: 'timer' }, now);
      });
    }
    this.counters.timers += due.length;
    if (due.length > 0) this.d.onOutbox?.();
    if (due.length < limit) this.d.retention?.maybeSweep(now);
    return due.length;
  }

  private stepAndApply(who: Recipient, session: Session | null, input: EngineInput, now: number): void {
    const { store } = this.d;
    let result: StepResult;
    try {
      // Read inside this transaction, used up only by a report_submitted event (see apply).
      // The session was just read for this step: the engine may change it in place.
      result = stepInPlace(this.d.flow, session, input, {
        now,
        settings: this.d.settings,
        nextReportNumber: store.peekReportNumber(),
        ...(this.d.places ? { places: this.d.places } : {}),
      });
    } catch (err) {
      // A bug must not cost the tipster their conversation: keep the session as it was, say sorry.
      this.d.logger.warn({ err: err instanceof Error ? err.name : typeof err, input: input.type }, 'engine step failed');
      if (input.type !== 'message') return;
      // The failed step may have changed the session half-way: keep the one in the database.
      const before = session ? (store.loadSession(who.key)?.session ?? null) : null;
      const lang = before?.lang ?? this.d.settings.languages[0] ?? 'es';
      result = { session: before, events: [{ type: 'reply', lang, parts: [{ key: 'common.error' }] }] };
    }
    // The row keeps the ids of the tipster's last messages (`who.seen`, this one included), also
    // when a failed step keeps the session as it was.
    if (result.session) store.saveSession({ ...who, session: result.session }, now);
    else this.endSession(who, input.type === 'message' ? now : (session?.lastInboundAt ?? now));
    let to = who;
    for (const event of result.events) {
      this.apply(event, to, now);
      // Once erased, nothing may carry the tipster's pseudonym: the goodbye goes under a one-off key.
      if (event.type === 'tipster_erased') to = { ...who, key: `${ONE_OFF_CHAT_PREFIX}${this.d.newId()}` };
    }
  }

  /**
   * Deletes a session; the ids of its last messages move to the inbox, so a redelivery of one of
   * them is still known without the session. They are dated `lastMessageAt` (when the tipster last
   * wrote): `retention.inboxDays` counts from there, as for ids written when a message comes.
   */
  private endSession(who: Omit<StoredSession, 'session'>, lastMessageAt: number): void {
    this.d.store.deleteSession(who.key);
    for (const messageKey of seenKeys(who.seen ?? '')) this.d.store.markInbound(who.platform, messageKey, lastMessageAt);
  }

  private apply(event: EngineEvent, who: Recipient, now: number): void {
    if (event.type === 'report_submitted') {
      this.d.store.useReportNumber(event.report.number);
      this.counters.reports += 1;
    }
    applyIntakeEvent(this.d, event, who, now);
    if (event.type === 'tipster_erased') this.d.logger.info({}, 'tipster data erased on request');
  }

  /** Whether a message sent while a question about `report` is open reports a sighting somewhere else. */
  private newSighting(text: string, report: number, now: number): boolean {
    const askedAbout = this.d.store.getReport(report)?.draft.location;
    return isNewSighting(text, askedAbout, { now, timezone: this.d.settings.timezone });
  }

  private holdAttachments(tipster: string, attachments: Attachment[], now: number): MediaItem[] {
    return attachments.map((a): MediaItem => {
      const ref = this.d.newId();
      const size = a.size ?? a.data?.byteLength;
      const base = { ref, kind: a.kind, mime: a.mime, ...(size !== undefined ? { size } : {}) };
      const { cleaned, withheld } = cleaningOf(a);
      if (withheld === 'too_large') return { ...base, problem: 'too_large' };
      if (!KEPT_KINDS.has(a.kind) || !a.data || withheld === 'unreadable') return { ...base, problem: 'unsupported' };
      if (a.data.byteLength > this.d.maxMediaBytes) return { ...base, problem: 'too_large' };
      // A file we could not clean is noted (the card says it was withheld); its bytes are kept only
      // when the network chose to show such files to its verifiers.
      const bytes = cleaned || this.d.uncleanableMedia === 'verifiers' ? a.data : new Uint8Array(0);
      this.d.store.holdMedia({ ref, tipster, kind: a.kind, mime: a.mime, bytes, cleaned }, now);
      return base;
    });
  }
}
