/**
 * Container surgery in plain code, before any decoder sees a photo. A PNG, JPEG, WebP or GIF is
 * walked chunk by chunk (segment by segment, block by block) and rebuilt from its image-coding
 * parts only: text chunks, EXIF, XMP, IPTC, ICC profiles, comments, thumbnails and every other
 * frame are left behind. What is left is small to read and cannot hide a bomb in its metadata (a
 * 1 MB PNG with fifty compressed text chunks otherwise makes libvips inflate gigabytes).
 *
 * The header read on the way gives the decoded size (width × height × channels × bytes per
 * sample), so the caller can refuse a photo before a single pixel is decoded.
 *
 * Nothing here throws: a container that is truncated, inconsistent or of a kind we do not walk
 * comes back as `{ ok: false }`, and the caller refuses the file as unreadable.
 *
 * @example
 * const r = stripContainer('png', bytes);
 * if (r.ok && decodedBytes(r.header) <= budget) decode(r.bytes);
 */

export type ContainerFormat = 'jpeg' | 'png' | 'webp' | 'gif';

/** What a decoder will allocate for the image, from its header. */
export interface ImageHeader {
  width: number;
  height: number;
  /** Samples per decoded pixel; palette, GIF and WebP count as RGBA (the most a decoder makes). */
  channels: number;
  /** 2 for 16-bit PNG and 12/16-bit JPEG, else 1. */
  bytesPerSample: number;
}

export type StripResult = { ok: true; bytes: Uint8Array; header: ImageHeader } | { ok: false; problem: string };

/** The bytes a decoder needs to hold the whole image: width × height × channels × bytes per sample. */
export function decodedBytes(h: ImageHeader): number {
  return h.width * h.height * h.channels * h.bytesPerSample;
}

/** Rebuilds `bytes` (of `format`, as sniffed) from its image-coding parts only. Never throws. */
export function stripContainer(format: ContainerFormat, bytes: Uint8Array): StripResult {
  try {
    switch (format) {
      case 'png':
        return stripPng(bytes);
      case 'jpeg':
        return stripJpeg(bytes);
      case 'webp':
        return stripWebp(bytes);
      case 'gif':
        return stripGif(bytes);
    }
  } catch {
    // Every read below is bounds-checked; this only guards against a mistake of ours.
    return bad('unexpected');
  }
}

const bad = (problem: string): StripResult => ({ ok: false, problem });
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32le = (b: Uint8Array, at: number) => u24le(b, at) + b[at + 3]! * 0x1000000;
const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

// ------------------------------------------------------------------------------------------ PNG

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chunks that code the still image. Everything else (text, eXIf, iCCP, APNG frames...) goes. */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
/** Allowed bit depths per colour type, and the channels each decodes to. */
const PNG_COLOUR: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 4 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};

/** PNG: keeps IHDR, PLTE, tRNS, IDAT, IEND. APNG chunks go, so only the default image remains. */
function stripPng(b: Uint8Array): StripResult {
  if (b.length < 8 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return bad('png signature');
  const kept: Uint8Array[] = [b.subarray(0, 8)];
  let header: ImageHeader | undefined;
  let idat = false;
  for (let at = 8; ;) {
    if (at + 12 > b.length) return bad('png truncated');
    const length = u32be(b, at);
    const type = ascii(b, at + 4, 4);
    if (length > 0x7fffffff || at + 12 + length > b.length) return bad('png truncated');
    if (!/^[A-Za-z]{4}$/.test(type)) return bad('png chunk type');
    const chunk = b.subarray(at, at + 12 + length);
    at += 12 + length;
    if (!header && type !== 'IHDR') return bad('png without IHDR first');
    if (type === 'IHDR') {
      if (header || length !== 13) return bad('png IHDR');
      const width = u32be(chunk, 8);
      const height = u32be(chunk, 12);
      const depth = chunk[16]!;
      const colour = PNG_COLOUR[chunk[17]!];
      if (!width || !height || !colour?.depths.includes(depth)) return bad('png IHDR values');
      header = { width, height, channels: colour.channels, bytesPerSample: depth === 16 ? 2 : 1 };
    }
    if (type === 'IDAT') idat = true;
    if (PNG_KEPT.has(type)) kept.push(chunk);
    // An unknown critical chunk (upper-case first letter) changes what the image means: refuse.
    else if (type.charCodeAt(0) < 0x61) return bad('png unknown critical chunk');
    if (type === 'IEND') break;
  }
  if (!header || !idat) return bad('png without image data');
  return { ok: true, bytes: concat(kept), header };
}

// ----------------------------------------------------------------------------------------- JPEG

/** Start-of-frame markers of the coding processes (C4 DHT, C8 reserved and CC DAC excluded). */
const JPEG_SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
/** Table and restart-interval segments the decoder needs: DHT, DAC, DQT, DRI. */
const JPEG_TABLES = new Set([0xc4, 0xcc, 0xdb, 0xdd]);

/**
 * JPEG: keeps the frame header, tables and scans; drops every APPn (JFIF, EXIF, XMP, ICC, IPTC,
 * MPF and its second image) and COM, and anything after EOI. Two facts that change how the
 * pixels look are carried over in segments we write ourselves, holding nothing else: the EXIF
 * orientation (one tag) and the Adobe colour transform of CMYK/YCCK files.
 */
function stripJpeg(b: Uint8Array): StripResult {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return bad('jpeg SOI');
  const kept: Uint8Array[] = [];
  let header: ImageHeader | undefined;
  let orientation: number | undefined;
  let adobeTransform: number | undefined;
  let scans = 0;
  let at = 2;
  for (;;) {
    if (at >= b.length || b[at] !== 0xff) return bad('jpeg marker expected');
    while (at < b.length && b[at] === 0xff) at++; // fill bytes
    if (at >= b.length) return bad('jpeg truncated');
    const marker = b[at++]!;
    if (marker === 0xd9) break; // EOI
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM, stray RSTn: no payload
    if (at + 2 > b.length) return bad('jpeg truncated');
    const length = u16be(b, at);
    if (length < 2 || at + length > b.length) return bad('jpeg truncated segment');
    const payload = b.subarray(at + 2, at + length);
    const segment = b.subarray(at - 2, at + length);
    at += length;
    if (marker >= 0xe0 && marker <= 0xef) {
      if (marker === 0xe1 && orientation === undefined && ascii(payload, 0, 6) === 'Exif\0\0')
        orientation = exifOrientation(payload.subarray(6));
      if (marker === 0xee && payload.length >= 12 && ascii(payload, 0, 5) === 'Adobe') adobeTransform = payload[11];
      continue;
    }
    if (marker === 0xfe) continue; // COM
    if (JPEG_SOF.has(marker)) {
      if (header || payload.length < 6) return bad('jpeg SOF');
      const precision = payload[0]!;
      const height = u16be(payload, 1);
      const width = u16be(payload, 3);
      const components = payload[5]!;
      if (!width || !height || components < 1 || components > 4 || payload.length < 6 + 3 * components) return bad('jpeg SOF values');
      header = { width, height, channels: components, bytesPerSample: precision > 8 ? 2 : 1 };
      kept.push(segment);
      continue;
    }
    if (JPEG_TABLES.has(marker)) {
      kept.push(segment);
      continue;
    }
    if (marker !== 0xda || !header) return bad('jpeg unexpected marker'); // DNL, hierarchical, JPEG-LS, reserved
    // SOS: the segment, then entropy-coded data up to the next marker that is not a stuffed 0xFF00 or RSTn.
    let end = at;
    while (end + 1 < b.length && !(b[end] === 0xff && b[end + 1] !== 0x00 && (b[end + 1]! < 0xd0 || b[end + 1]! > 0xd7))) end++;
    if (end + 1 >= b.length) return bad('jpeg truncated scan');
    kept.push(segment, b.subarray(at, end));
    scans++;
    at = end;
  }
  if (!header || scans === 0) return bad('jpeg without image data');
  const ours: Uint8Array[] = [];
  if (adobeTransform !== undefined) ours.push(adobeSegment(adobeTransform));
  if (orientation !== undefined && orientation >= 2 && orientation <= 8) ours.push(orientationSegment(orientation));
  return { ok: true, bytes: concat([new Uint8Array([0xff, 0xd8]), ...ours, ...kept, new Uint8Array([0xff, 0xd9])]), header };
}

/** The Orientation tag (0x0112) of IFD0 in a TIFF-structured EXIF block, if present and sane. */
function exifOrientation(tiff: Uint8Array): number | undefined {
  if (tiff.length < 8) return undefined;
  const order = ascii(tiff, 0, 2);
  if (order !== 'II' && order !== 'MM') return undefined;
  const le = order === 'II';
  const u16 = (at: number) => (le ? u16le(tiff, at) : u16be(tiff, at));
  const u32 = (at: number) => (le ? u32le(tiff, at) : u32be(tiff, at));
  if (u16(2) !== 42) return undefined;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return undefined;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return undefined;
    if (u16(entry) === 0x0112 && u16(entry + 2) === 3) return u16(entry + 8);
  }
  return undefined;
}

/** An APP1 EXIF segment we write: a big-endian TIFF header and IFD0 holding only Orientation. */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const payload = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
  return new Uint8Array([0xff, 0xe1, 0, payload.length + 2, ...payload]);
}

/** An APP14 Adobe segment we write: version 100, no flags, the file's colour transform only. */
function adobeSegment(transform: number): Uint8Array {
  const payload = [...'Adobe'].map((c) => c.charCodeAt(0)).concat([0, 100, 0, 0, 0, 0, transform & 0xff]);
  return new Uint8Array([0xff, 0xee, 0, payload.length + 2, ...payload]);
}

// ----------------------------------------------------------------------------------------- WebP

interface RiffChunk {
  fourcc: string;
  data: Uint8Array;
}

function riffChunks(b: Uint8Array, from: number, to: number): RiffChunk[] | undefined {
  const chunks: RiffChunk[] = [];
  for (let at = from; at < to;) {
    if (at + 8 > to) return undefined;
    const size = u32le(b, at + 4);
    if (at + 8 + size > to) return undefined;
    chunks.push({ fourcc: ascii(b, at, 4), data: b.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size & 1);
  }
  return chunks;
}

function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  const head = new Uint8Array(8);
  head.set([...fourcc].map((c) => c.charCodeAt(0)));
  new DataView(head.buffer).setUint32(4, data.byteLength, true);
  return concat(data.byteLength & 1 ? [head, data, new Uint8Array(1)] : [head, data]);
}

/** Width and height a VP8 or VP8L bitstream declares. */
function bitstreamSize(c: RiffChunk): { width: number; height: number } | undefined {
  const d = c.data;
  if (c.fourcc === 'VP8 ' && d.length >= 10 && d[3] === 0x9d && d[4] === 0x01 && d[5] === 0x2a) {
    return { width: u16le(d, 6) & 0x3fff, height: u16le(d, 8) & 0x3fff };
  }
  if (c.fourcc === 'VP8L' && d.length >= 5 && d[0] === 0x2f) {
    const bits = u32le(d, 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/**
 * WebP: keeps the image bitstream (VP8 or VP8L) and its alpha (ALPH); drops EXIF, XMP, ICCP and
 * unknown chunks. An animation keeps its first frame, as a still image of that frame's size.
 */
function stripWebp(b: Uint8Array): StripResult {
  if (b.length < 20 || ascii(b, 0, 4) !== 'RIFF' || ascii(b, 8, 4) !== 'WEBP') return bad('webp header');
  const end = 8 + u32le(b, 4);
  if (end > b.length) return bad('webp truncated');
  const chunks = riffChunks(b, 12, end);
  if (!chunks || chunks.length === 0) return bad('webp chunks');
  let image = chunks;
  if (chunks[0]!.fourcc === 'VP8X') {
    const flags = chunks[0]!.data[0] ?? 0;
    if (flags & 0x02) {
      const frame = chunks.find((c) => c.fourcc === 'ANMF');
      if (!frame || frame.data.length < 16) return bad('webp animation without frames');
      const inner = riffChunks(frame.data, 16, frame.data.length);
      if (!inner) return bad('webp frame');
      image = inner;
    }
  }
  const at = image.findIndex((c) => c.fourcc === 'VP8 ' || c.fourcc === 'VP8L');
  const bitstream = image[at];
  const size = bitstream && bitstreamSize(bitstream);
  if (!bitstream || !size || !size.width || !size.height) return bad('webp bitstream');
  const alpha = bitstream.fourcc === 'VP8 ' ? image.slice(0, at).find((c) => c.fourcc === 'ALPH') : undefined;
  const body: Uint8Array[] = [];
  if (alpha) {
    // Extended format, with the alpha flag only: ICC, EXIF, XMP and animation flags cleared.
    const vp8x = new Uint8Array(10);
    vp8x[0] = 0x10;
    vp8x.set([(size.width - 1) & 0xff, ((size.width - 1) >> 8) & 0xff, (size.width - 1) >> 16], 4);
    vp8x.set([(size.height - 1) & 0xff, ((size.height - 1) >> 8) & 0xff, (size.height - 1) >> 16], 7);
    body.push(riffChunk('VP8X', vp8x), riffChunk('ALPH', alpha.data));
  }
  body.push(riffChunk(bitstream.fourcc, bitstream.data));
  const riff = concat([new Uint8Array(12), ...body]);
  riff.set([...'RIFF'].map((c) => c.charCodeAt(0)));
  new DataView(riff.buffer).setUint32(4, riff.byteLength - 8, true);
  riff.set(
    [...'WEBP'].map((c) => c.charCodeAt(0)),
    8,
  );
  return { ok: true, bytes: riff, header: { ...size, channels: 4, bytesPerSample: 1 } };
}

// ------------------------------------------------------------------------------------------ GIF

/** The end (exclusive) of a run of GIF data sub-blocks starting at `at`, or undefined if cut off. */
function subBlocksEnd(b: Uint8Array, at: number): number | undefined {
  while (at < b.length) {
    const n = b[at]!;
    if (n === 0) return at + 1;
    at += 1 + n;
  }
  return undefined;
}

/**
 * GIF: keeps the screen descriptor, global palette, the first image and its graphic control
 * (transparency); drops comment, application (XMP, loop count) and plain-text extensions and
 * every later frame.
 */
function stripGif(b: Uint8Array): StripResult {
  const signature = ascii(b, 0, 6);
  if (b.length < 13 || (signature !== 'GIF87a' && signature !== 'GIF89a')) return bad('gif header');
  const screenWidth = u16le(b, 6);
  const screenHeight = u16le(b, 8);
  const packed = b[10]!;
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 7) + 1) : 0);
  if (at > b.length) return bad('gif truncated');
  const head = b.subarray(0, at);
  let control: Uint8Array | undefined;
  for (;;) {
    if (at >= b.length) return bad('gif truncated');
    const introducer = b[at]!;
    if (introducer === 0x21) {
      const end = at + 2 <= b.length ? subBlocksEnd(b, at + 2) : undefined;
      if (end === undefined) return bad('gif truncated extension');
      if (b[at + 1] === 0xf9) control = b.subarray(at, end);
      at = end;
      continue;
    }
    if (introducer !== 0x2c) return bad('gif without an image');
    if (at + 11 > b.length) return bad('gif truncated image');
    const left = u16le(b, at + 1);
    const top = u16le(b, at + 3);
    const width = u16le(b, at + 5);
    const height = u16le(b, at + 7);
    const local = b[at + 9]!;
    const dataAt = at + 10 + (local & 0x80 ? 3 * 2 ** ((local & 7) + 1) : 0) + 1; // + LZW minimum code size
    const end = dataAt <= b.length ? subBlocksEnd(b, dataAt) : undefined;
    if (end === undefined) return bad('gif truncated image data');
    if (!width || !height) return bad('gif empty image');
    const header = {
      width: Math.max(screenWidth, left + width),
      height: Math.max(screenHeight, top + height),
      channels: 4,
      bytesPerSample: 1,
    };
    const parts = [head, ...(control ? [control] : []), b.subarray(at, end), new Uint8Array([0x3b])];
    return { ok: true, bytes: concat(parts), header };
  }
}
