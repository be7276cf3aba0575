/**
 * Downloading a message's file with Baileys' media helper (`downloadMediaMessage`, which also asks
 * the sender's phone to upload expired media again), never past a size limit: a file announced as
 * larger is not fetched at all, and a stream that grows past the limit is cut off. Either way the
 * attachment is passed on without data, so the report keeps its text.
 */
import { downloadMediaMessage } from '@whiskeysockets/baileys';
import type { WAMessage } from '@whiskeysockets/baileys';
import type { Attachment } from '../../bot/messages.js';
import { baileysLogger } from './logger.js';
import type { WhatsAppSocket } from './socket.js';

/** Opens the decrypted byte stream of a media message. */
export type MediaDownloader = (message: WAMessage, socket: WhatsAppSocket) => Promise<AsyncIterable<Uint8Array>>;

/** The real one: Baileys' downloadMediaMessage as a stream, with re-upload requests through the socket. */
export const baileysDownloader: MediaDownloader = async (message, socket) =>
  downloadMediaMessage(message, 'stream', {}, { reuploadRequest: (m) => socket.updateMediaMessage(m), logger: baileysLogger() });

export type DownloadOutcome = 'ok' | 'too_big' | 'failed';

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  download: MediaDownloader;
}

/**
 * Fills `attachment.data` (and `size`) from the message's file, unless it is over `maxBytes`
 * (announced or actual) or the download fails or times out.
 */
export async function downloadAttachment(
  message: WAMessage,
  attachment: Attachment,
  socket: WhatsAppSocket,
  o: DownloadOptions,
): Promise<DownloadOutcome> {
  if (attachment.size !== undefined && attachment.size > o.maxBytes) return 'too_big';
  let timer: NodeJS.Timeout | undefined;
  let stream: AsyncIterable<Uint8Array> | undefined;
  const timeout = new Promise<'failed'>((resolve) => {
    timer = setTimeout(() => resolve('failed'), o.timeoutMs);
  });
  const work = (async (): Promise<DownloadOutcome> => {
    stream = await o.download(message, socket);
    const bytes = await readLimited(stream, o.maxBytes);
    if (!bytes) return 'too_big';
    attachment.data = bytes;
    attachment.size = bytes.byteLength;
    return 'ok';
  })().catch((): DownloadOutcome => 'failed');
  try {
    const outcome = await Promise.race([work, timeout]);
    if (outcome === 'failed') destroy(stream);
    return outcome;
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a stream to its end, or returns `undefined` (and stops reading) once it passes `maxBytes`. */
export async function readLimited(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      destroy(stream);
      return undefined;
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function destroy(stream: AsyncIterable<Uint8Array> | undefined): void {
  const s = stream as { destroy?: () => void } | undefined;
  if (typeof s?.destroy === 'function') s.destroy();
}
