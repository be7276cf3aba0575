/**
 * Downloading Telegram files: `getFile` gives a `file_path`, the bytes are at
 * `${apiRoot}/file/bot${token}/${file_path}`. That URL holds the bot token, so it never leaves
 * this module: not in logs, not in errors.
 */
import type { Api } from 'grammy';
import type { Attachment } from '../../bot/messages.js';
import { readLimited } from '../shared/read-limited.js';
import { isFileTooBig } from './errors.js';

export interface DownloadOptions {
  api: Api;
  apiRoot: string;
  token: string;
  maxBytes: number;
  timeoutMs: number;
  /** Told about a failed download (the attachment is passed on without data). */
  onFailure: (reason: string) => void;
}

/** Why a download did not produce bytes, without any URL in it. */
export class DownloadError extends Error {
  constructor(readonly reason: 'too_big' | 'http_status' | 'network' | 'no_path') {
    super(`telegram file download failed: ${reason}`);
    this.name = 'DownloadError';
  }
}

/**
 * Fills `data` (and `size`) of each attachment that has a `ref` (file_id), in place. Files over
 * `maxBytes` are skipped (size set when known, no data); a failed download leaves the attachment
 * without data rather than losing the message.
 */
export async function downloadAttachments(attachments: Attachment[], o: DownloadOptions): Promise<void> {
  for (const a of attachments) {
    if (a.ref === undefined || a.data !== undefined) continue;
    if (a.size !== undefined && a.size > o.maxBytes) continue;
    try {
      const file = await o.api.getFile(a.ref);
      if (file.file_size !== undefined) a.size = file.file_size;
      if (file.file_size !== undefined && file.file_size > o.maxBytes) continue;
      if (file.file_path === undefined) throw new DownloadError('no_path');
      const data = await fetchFile(`${o.apiRoot}/file/bot${o.token}/${file.file_path}`, o.maxBytes, o.timeoutMs);
      a.data = data;
      a.size = data.byteLength;
    } catch (err) {
      if (isFileTooBig(err)) continue;
      if (err instanceof DownloadError && err.reason === 'too_big') continue;
      o.onFailure(err instanceof DownloadError ? err.reason : err instanceof Error ? err.name : 'unknown');
    }
  }
}

/** GETs `url`, refusing bodies over `maxBytes` (checked on Content-Length and while reading). */
async function fetchFile(url: string, maxBytes: number, timeoutMs: number): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch {
    throw new DownloadError('network');
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => undefined);
    throw new DownloadError('http_status');
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readLimited(res, maxBytes);
  } catch {
    throw new DownloadError('network');
  }
  if (!bytes) throw new DownloadError('too_big');
  return bytes;
}
