/**
 * Cleaning media before anything is stored or forwarded. A photo can say where and when it was
 * taken and on which phone (EXIF GPS, XMP, IPTC, maker notes): every image is decoded and
 * re-encoded as a plain JPEG, which keeps the pixels and nothing else.
 *
 * No decoder ever sees a file's metadata: the container is first rebuilt in plain code from its
 * image-coding parts only (media-container.ts), so text-chunk bombs and hostile EXIF never reach
 * libvips. Every decode is bounded: its size from the header (pixels, and width × height ×
 * channels × bytes per sample against `maxDecodeBytes`), its time (`timeoutSeconds`), and how
 * many run at once (decode-queue.ts). libvips runs with one thread and no operation cache.
 *
 * Fail closed: a file we cannot clean is never passed on as clean. Images we cannot read (corrupt,
 * an unknown format, a decompression bomb, a decode over a cap) lose their bytes; video, audio,
 * documents, HEIC and AVIF (containers we do not rebuild) keep them, marked `cleaned: false`, and
 * the runtime decides whether they may ever reach a verifier. Nothing here throws.
 */
import type SharpFn from 'sharp';
import { DecodeQueue } from './decode-queue.js';
import { decodedBytes, stripContainer } from './media-container.js';

let sharpModule: Promise<typeof SharpFn> | undefined;
/** sharp (and libvips, about 20 MB) load with the first photo, not at start. */
function loadSharp(): Promise<typeof SharpFn> {
  sharpModule ??= import('sharp').then((m) => {
    const sharp = m.default;
    sharp.cache(false); // no operation cache: nothing of one photo is kept for the next
    sharp.concurrency(1); // one libvips worker thread per decode: a bounded, predictable footprint
    return sharp;
  });
  return sharpModule;
}
/** The queue used when the caller passes none: one per process, since libvips is one per process. */
const processDecodeQueue = new DecodeQueue();
import type { Attachment } from '../messages.js';

export interface MediaLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest image accepted, in pixels (width × height, all frames): stops decompression bombs. */
  maxPixels: number;
  /** Longest side of a cleaned photo, in pixels; larger photos are scaled down. */
  maxDimension: number;
  /** JPEG quality of a cleaned photo, 1-100. */
  quality: number;
  /** Longest time one image may take to decode and re-encode. */
  timeoutSeconds: number;
  /** Most memory a decoded image may take (width × height × channels × bytes per sample). */
  maxDecodeBytes: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = Object.freeze({
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxDimension: 2048,
  quality: 82,
  timeoutSeconds: 20,
  maxDecodeBytes: 256 * 1024 * 1024,
});

/** The limits from the config's units (megabytes, megapixels); anything not given keeps its default. */
export function mediaLimits(c: { maxMediaMegabytes?: number; maxImageMegapixels?: number; maxImageDimension?: number } = {}): MediaLimits {
  const d = DEFAULT_MEDIA_LIMITS;
  return {
    ...d,
    ...(c.maxMediaMegabytes !== undefined ? { maxBytes: Math.floor(c.maxMediaMegabytes * 1024 * 1024) } : {}),
    ...(c.maxImageMegapixels !== undefined ? { maxPixels: Math.floor(c.maxImageMegapixels * 1_000_000) } : {}),
    ...(c.maxImageDimension !== undefined ? { maxDimension: Math.floor(c.maxImageDimension) } : {}),
  };
}

/**
 * Why a file was not cleaned. `too_large`: over the byte or pixel limit. `unreadable`: not an
 * image we can decode (corrupt, unknown format, bomb, a decode over its time cap, too many
 * photos waiting); its bytes are dropped. `cannot_clean`: a video, audio, document, HEIC or AVIF
 * file, kept as received.
 */
export type WithheldReason = 'too_large' | 'unreadable' | 'cannot_clean';

export type CleanedAttachment =
  (Attachment & { cleaned: true; withheld?: undefined }) | (Attachment & { cleaned: false; withheld: WithheldReason });

/** Image formats we decode, recognised by their first bytes (never by the declared type or name). */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'heif' | 'avif';

/** The image format of `bytes` by its magic number, or undefined when it is none we accept. */
export function sniffImage(bytes: Uint8Array): ImageFormat | undefined {
  const at = (offset: number, ascii: string) =>
    bytes.length >= offset + ascii.length && [...ascii].every((ch, i) => bytes[offset + i] === ch.charCodeAt(0));
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes[0] === 0x89 && at(1, 'PNG\r\n\x1a\n')) return 'png';
  if (at(0, 'GIF87a') || at(0, 'GIF89a')) return 'gif';
  if (at(0, 'RIFF') && at(8, 'WEBP')) return 'webp';
  if (at(4, 'ftyp')) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return 'heif';
  }
  return undefined;
}

/** The cleaning verdict a message's attachment carries; an attachment never cleaned counts as not cleaned. */
export function cleaningOf(a: Attachment): { cleaned: boolean; withheld?: WithheldReason } {
  const c = a as Partial<CleanedAttachment>;
  if (c.cleaned === true) return { cleaned: true };
  return c.withheld ? { cleaned: false, withheld: c.withheld } : { cleaned: false };
}

/**
 * Cleans one attachment: an image comes back as a metadata-free JPEG (`cleaned: true`); anything
 * else comes back `cleaned: false` with the reason. Decodes wait their turn in `queue`. Never throws.
 */
export async function cleanAttachment(
  att: Attachment,
  limits: MediaLimits = DEFAULT_MEDIA_LIMITS,
  queue: DecodeQueue = processDecodeQueue,
): Promise<CleanedAttachment> {
  const data = att.data;
  const looksLikeImage = att.kind === 'image' || att.mime.toLowerCase().startsWith('image/');
  const format = data && looksLikeImage ? sniffImage(data) : undefined;
  if (!data) return withheld(att, att.kind === 'image' ? 'unreadable' : 'cannot_clean', false);
  if (data.byteLength > limits.maxBytes) return withheld(att, 'too_large', false);
  if (!format) {
    // A photo in a format we do not decode (or whose bytes are not what it claims) is refused;
    // a document that merely has an image type stays a document.
    return att.kind === 'image' ? withheld(att, 'unreadable', false) : withheld(att, 'cannot_clean', true);
  }
  // HEIC and AVIF are real photos whose containers we do not rebuild: kept (not cleaned) like a video.
  if (format === 'heif' || format === 'avif') return withheld(att, 'cannot_clean', true);
  const stripped = stripContainer(format, data);
  if (!stripped.ok) return withheld(att, 'unreadable', false);
  const { header } = stripped;
  // The header first: refuse oversized images before decoding a single pixel.
  if (header.width * header.height > limits.maxPixels || decodedBytes(header) > limits.maxDecodeBytes) {
    return withheld(att, 'too_large', false);
  }
  try {
    const cleaned = await queue.run(() => reencode(stripped.bytes, limits));
    const { name: _name, ...rest } = att;
    return { ...rest, kind: 'image', mime: 'image/jpeg', data: cleaned, size: cleaned.byteLength, cleaned: true };
  } catch {
    // Corrupt pixel data, a decode over its time cap, or a full queue: refused, never passed on.
    return withheld(att, 'unreadable', false);
  }
}

async function reencode(data: Uint8Array, limits: MediaLimits): Promise<Uint8Array> {
  const input = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const sharp = await loadSharp();
  const out = await sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'error', pages: 1 })
    .rotate() // bake the orientation (the one EXIF tag media-container.ts carries over) into the pixels
    .resize({ width: limits.maxDimension, height: limits.maxDimension, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: limits.quality })
    .timeout({ seconds: limits.timeoutSeconds })
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

function withheld(att: Attachment, reason: WithheldReason, keepBytes: boolean): CleanedAttachment {
  const { data, ...rest } = att;
  const size = att.size ?? data?.byteLength;
  return {
    ...rest,
    ...(keepBytes && data ? { data } : {}),
    ...(size !== undefined ? { size } : {}),
    cleaned: false,
    withheld: reason,
  };
}
