/**
 * The shapes signal-cli-rest-api sends when it receives: one `{ envelope, account }` object per
 * WebSocket text frame (json-rpc mode), or an array of them from `GET /v1/receive/{number}`
 * (normal/native mode), or `{ error }` when the daemon reported a JSON-RPC error.
 *
 * Modelled on signal-cli's JSON records: many fields are present but `null` (sourceNumber when
 * the sender hides their number, `message` for a reaction), and empty lists are omitted. The
 * schemas are loose (unknown fields pass) and only as strict as the translation needs.
 */
import { z } from 'zod';

const str = z.string().nullish();
const num = z.number().nullish();

export const AttachmentSchema = z.looseObject({
  contentType: str,
  filename: str,
  id: str,
  size: num,
  caption: str,
});

export const QuoteSchema = z.looseObject({
  id: num,
  author: str,
  authorNumber: str,
  authorUuid: str,
});

export const MentionSchema = z.looseObject({ start: num, length: num, uuid: str });

export const DataMessageSchema = z.looseObject({
  timestamp: num,
  message: str,
  expiresInSeconds: num,
  isExpirationUpdate: z.boolean().nullish(),
  viewOnce: z.boolean().nullish(),
  reaction: z.unknown().optional(),
  quote: QuoteSchema.nullish(),
  attachments: z.array(AttachmentSchema).nullish(),
  mentions: z.array(MentionSchema).nullish(),
  sticker: z.unknown().optional(),
  remoteDelete: z.unknown().optional(),
  payment: z.unknown().optional(),
  pollCreate: z.unknown().optional(),
  pollVote: z.unknown().optional(),
  pollTerminate: z.unknown().optional(),
  pinMessage: z.unknown().optional(),
  unpinMessage: z.unknown().optional(),
  adminDelete: z.unknown().optional(),
  groupInfo: z.looseObject({ groupId: str, type: str }).nullish(),
});
export type DataMessage = z.infer<typeof DataMessageSchema>;

export const EnvelopeSchema = z.looseObject({
  source: str,
  sourceNumber: str,
  sourceUuid: str,
  sourceName: str,
  sourceDevice: num,
  timestamp: z.number(),
  dataMessage: DataMessageSchema.nullish(),
  editMessage: z.looseObject({ targetSentTimestamp: num, dataMessage: DataMessageSchema.nullish() }).nullish(),
  syncMessage: z.unknown().optional(),
  storyMessage: z.unknown().optional(),
  callMessage: z.unknown().optional(),
  receiptMessage: z.unknown().optional(),
  typingMessage: z.unknown().optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** One receive frame / array element: the envelope and the bot account it was received on. */
export const ReceiveFrameSchema = z.looseObject({ envelope: EnvelopeSchema, account: str });

/** A frame carrying a daemon error instead of an envelope: `{"error":"..."}`. */
export const ErrorFrameSchema = z.looseObject({ error: z.string() });
