/**
 * Reading a webhook request's body, for grammY's `webhookCallback`: like its own hono adapter,
 * but the body is read only after the secret token was checked, and a body that is not JSON or
 * not shaped like an update becomes a {@link MalformedUpdate}. The route answers those 200 after
 * a log line: any other answer makes Telegram deliver the same broken body again and again,
 * and a broken body never gets better.
 *
 * The shape check ({@link updateProblem}, applied to polled updates too) covers exactly what the
 * adapter reads (inbound.ts): ids, dates, chat, sender, text, files, location, reply and topic
 * fields. Anything else in an update is left alone.
 */
import type { Update } from 'grammy/types';
import type { Context } from 'hono';
import { z } from 'zod';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** A webhook body that can never be handled: not JSON, or not an update the adapter can read. */
export class MalformedUpdate extends Error {
  override readonly name = 'MalformedUpdate';
  /** Where the body went wrong, as a field path (`message.chat.id`), never a value. */
  readonly where: string;
  constructor(where: string) {
    super(`malformed Telegram update (${where})`);
    this.where = where;
  }
}

const int = z.number().int();
const user = z.looseObject({ id: int, is_bot: z.boolean().optional() });
const chat = z.looseObject({ id: int, type: z.string() });
const file = z.looseObject({
  file_id: z.string(),
  file_size: z.number().optional(),
  mime_type: z.string().optional(),
  file_name: z.string().optional(),
});
const message = z.looseObject({
  message_id: int,
  date: z.number(),
  edit_date: z.number().optional(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
  photo: z.array(file).optional(),
  document: file.optional(),
  video: file.optional(),
  voice: file.optional(),
  audio: file.optional(),
  reply_to_message: z.looseObject({ message_id: int }).optional(),
  message_thread_id: int.optional(),
  is_topic_message: z.boolean().optional(),
  migrate_to_chat_id: int.optional(),
  migrate_from_chat_id: int.optional(),
});
const UpdateShape = z.looseObject({
  update_id: int.min(0),
  message: message.optional(),
  edited_message: message.optional(),
  callback_query: z.looseObject({ id: z.string(), from: user, data: z.string().optional(), message: message.optional() }).optional(),
});

/**
 * Parses a webhook body into an update, or throws {@link MalformedUpdate}.
 *
 * @example parseUpdate('{"update_id":1}') // { update_id: 1 }
 * @example parseUpdate('not json') // throws MalformedUpdate('not JSON')
 */
export function parseUpdate(body: string): Update {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new MalformedUpdate('not JSON');
  }
  const where = updateProblem(value);
  if (where !== undefined) throw new MalformedUpdate(where);
  return value as Update;
}

/**
 * Where an update (webhook body or polled) is not shaped as the adapter reads it, as a field path
 * (`message.chat.id`), or undefined when it is fine. Both receive modes reject at this one edge.
 */
export function updateProblem(value: unknown): string | undefined {
  const result = UpdateShape.safeParse(value);
  if (result.success) return undefined;
  const path = result.error.issues[0]?.path.map(String).join('.') ?? '';
  return path === '' ? 'not an update' : path;
}

/** grammY's request/response handler over a hono context, reading the body with {@link parseUpdate}. */
export function honoWebhookAdapter(c: Context) {
  let resolveResponse: (res: Response) => void = () => undefined;
  const handlerReturn = new Promise<Response>((res) => (resolveResponse = res));
  const header = c.req.header(SECRET_HEADER);
  return {
    // A getter: grammY reads the body only once the secret token matched.
    get update(): Promise<Update> {
      return c.req.text().then(parseUpdate);
    },
    // Absent, not undefined, when the request has no secret header (grammY then answers 401 when one is set).
    ...(header !== undefined ? { header } : {}),
    end: () => resolveResponse(c.body('')),
    respond: (json: string) => resolveResponse(c.body(json, 200, { 'content-type': 'application/json' })),
    unauthorized: () => resolveResponse(c.body('', 401)),
    handlerReturn,
  };
}
