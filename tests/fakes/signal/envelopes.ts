/**
 * Builders for realistic signal-cli envelopes (the `envelope` of a receive frame), shaped like
 * the fixtures: fields signal-cli always writes are present (possibly null), optional ones are
 * omitted when absent.
 */

export interface FromWhom {
  uuid: string;
  /** The sender's number, or null when they hide it (the default: common on Signal now). */
  number?: string | null;
  /** Profile name; never an id. */
  name?: string | null;
  device?: number;
}

function source(from: FromWhom): Record<string, unknown> {
  const number = from.number ?? null;
  return {
    source: number ?? from.uuid,
    sourceNumber: number,
    sourceUuid: from.uuid,
    sourceName: from.name ?? null,
    sourceDevice: from.device ?? 1,
  };
}

function stamps(timestamp: number): Record<string, unknown> {
  return { timestamp, serverReceivedTimestamp: timestamp + 40, serverDeliveredTimestamp: timestamp + 90 };
}

export interface TextOptions {
  timestamp: number;
  /** Raw group id (base64 of 32 bytes) for a group message. */
  groupId?: string;
  attachments?: { id: string; contentType: string; size: number; filename?: string | null }[];
  quote?: { id: number; authorUuid: string; authorNumber?: string | null; text?: string };
}

/** A data message (text, optionally in a group, with attachments or a quote). */
export function dataEnvelope(from: FromWhom, text: string | null, opts: TextOptions): Record<string, unknown> {
  const data: Record<string, unknown> = { timestamp: opts.timestamp, message: text, expiresInSeconds: 0, viewOnce: false };
  if (opts.attachments) {
    data['attachments'] = opts.attachments.map((a) => ({
      contentType: a.contentType,
      filename: a.filename ?? null,
      id: a.id,
      size: a.size,
      width: null,
      height: null,
      caption: null,
      uploadTimestamp: opts.timestamp - 500,
    }));
  }
  if (opts.quote) {
    const n = opts.quote.authorNumber ?? null;
    data['quote'] = {
      id: opts.quote.id,
      author: n ?? opts.quote.authorUuid,
      authorNumber: n,
      authorUuid: opts.quote.authorUuid,
      text: opts.quote.text ?? null,
      attachments: [],
    };
  }
  if (opts.groupId) data['groupInfo'] = { groupId: opts.groupId, groupName: 'group', revision: 3, type: 'DELIVER' };
  return { ...source(from), ...stamps(opts.timestamp), dataMessage: data };
}

/** A read receipt for messages the bot sent. */
export function receiptEnvelope(from: FromWhom, timestamp: number, of: number[]): Record<string, unknown> {
  return {
    ...source(from),
    ...stamps(timestamp),
    receiptMessage: { when: timestamp, isDelivery: false, isRead: true, isViewed: false, timestamps: of },
  };
}

/** A typing indicator. */
export function typingEnvelope(from: FromWhom, timestamp: number): Record<string, unknown> {
  return { ...source(from), ...stamps(timestamp), typingMessage: { action: 'STARTED', timestamp } };
}

/** A reaction to a message of `targetAuthorUuid`. */
export function reactionEnvelope(from: FromWhom, timestamp: number, target: { uuid: string; timestamp: number }): Record<string, unknown> {
  return {
    ...source(from),
    ...stamps(timestamp),
    dataMessage: {
      timestamp,
      message: null,
      expiresInSeconds: 0,
      viewOnce: false,
      reaction: {
        emoji: '👍',
        targetAuthor: target.uuid,
        targetAuthorNumber: null,
        targetAuthorUuid: target.uuid,
        targetSentTimestamp: target.timestamp,
        isRemove: false,
      },
    },
  };
}

/** What the account's own phone sent, as a linked device sees it (a sync message). */
export function syncSentEnvelope(
  own: { uuid: string; number: string },
  text: string,
  timestamp: number,
  to: string,
): Record<string, unknown> {
  return {
    ...source({ uuid: own.uuid, number: own.number, name: 'Centinela', device: 1 }),
    ...stamps(timestamp),
    syncMessage: {
      sentMessage: {
        destination: to,
        destinationNumber: null,
        destinationUuid: to,
        timestamp,
        message: text,
        expiresInSeconds: 0,
        viewOnce: false,
      },
    },
  };
}
