/**
 * Validation of what a simulated user "sends" (from the web page or a test), shared by
 * {@link SimulatorAdapter.receive} and the HTTP route so both refuse the same things with the
 * same messages. User input never throws past here: callers get `{ ok: false, error }`.
 */
import { z } from 'zod';
import type { AttachmentKind } from '../../bot/messages.js';

/** Longest sender or chat id accepted (platform ids are far shorter). */
export const MAX_ID_CHARS = 200;
/** Longest message text accepted, in characters. */
export const MAX_TEXT_CHARS = 10_000;
/** Most attachments on one simulated message. */
export const MAX_ATTACHMENTS = 10;
/** Largest decoded attachment, in bytes (5 MB, the same as the HTTP body limit). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

const ATTACHMENT_KINDS = ['image', 'video', 'audio', 'document', 'other'] as const satisfies readonly AttachmentKind[];
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIME = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/;

const id = (field: string) =>
  z
    .string({ error: `${field} must be a string` })
    .max(MAX_ID_CHARS, `${field} must be at most ${MAX_ID_CHARS} characters`)
    .refine((s) => s.trim().length > 0, `${field} must not be empty`);

const attachmentSchema = z.strictObject(
  {
    kind: z.enum(ATTACHMENT_KINDS, { error: `attachment kind must be one of ${ATTACHMENT_KINDS.join(', ')}` }),
    mime: z
      .string({ error: 'attachment mime must be a string' })
      .max(100, 'attachment mime must be at most 100 characters')
      .regex(MIME, 'attachment mime must look like type/subtype'),
    name: z.string({ error: 'attachment name must be a string' }).max(255, 'attachment name must be at most 255 characters').optional(),
    dataBase64: z
      .string({ error: 'attachment dataBase64 must be a string' })
      .max(Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4, 'attachment is larger than 5 MB')
      .regex(BASE64, 'attachment dataBase64 must be plain base64 (no data: prefix)')
      .optional(),
  },
  { error: 'each attachment must be an object with kind and mime' },
);

const locationSchema = z.strictObject(
  {
    lat: z
      .number({ error: 'location.lat must be a number' })
      .min(-90, 'location.lat must be between -90 and 90')
      .max(90, 'location.lat must be between -90 and 90'),
    lng: z
      .number({ error: 'location.lng must be a number' })
      .min(-180, 'location.lng must be between -180 and 180')
      .max(180, 'location.lng must be between -180 and 180'),
  },
  { error: 'location must be an object { lat, lng }' },
);

/** The shape accepted by `POST /simulator/messages` and `SimulatorAdapter.receive()`. */
export const simInboundSchema = z
  .strictObject(
    {
      chat: id('chat').optional(),
      sender: id('sender'),
      text: z
        .string({ error: 'text must be a string' })
        .max(MAX_TEXT_CHARS, `text must be at most ${MAX_TEXT_CHARS} characters`)
        .optional(),
      location: locationSchema.optional(),
      id: id('id').optional(),
      attachments: z
        .array(attachmentSchema, { error: 'attachments must be an array' })
        .max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} attachments`)
        .optional(),
      replyTo: id('replyTo').optional(),
    },
    { error: 'body must be a JSON object' },
  )
  .refine(
    (m) => (m.text !== undefined && m.text.trim() !== '') || m.location !== undefined || (m.attachments?.length ?? 0) > 0,
    'a message needs text, a location or an attachment',
  );

export type SimInbound = z.infer<typeof simInboundSchema>;

/** Validates a simulated inbound message; the error is one readable sentence naming the field. */
export function parseSimInbound(value: unknown): { ok: true; value: SimInbound } | { ok: false; error: string } {
  const result = simInboundSchema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, error: 'invalid message' };
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `${where}unknown field(s): ${issue.keys.join(', ')}` };
  }
  return { ok: false, error: issue.message };
}
