/**
 * Real images for media tests, made with sharp at test time: photos that carry the place they
 * were taken in every way a phone or an editor can write it (EXIF GPS, XMP, IPTC, comments, PNG
 * text chunks), a decompression bomb, and helpers that look for any trace of that place.
 */
import { deflateSync } from 'node:zlib';
import exifr from 'exifr';
import sharp, { type Sharp } from 'sharp';

/** Where the fixture photos were "taken": 34° 2' 12.34" N, 118° 12' 25" W (Boyle Heights). */
export const GPS = {
  lat: 34.036761,
  lng: -118.206944,
  /** As text, the way comments, captions and XMP carry it. */
  text: '34.036761,-118.206944',
  xmpLat: '34,2.2057N',
  xmpLng: '118,12.4167W',
  exifLat: '34/1 2/1 1234/100',
  exifLng: '118/1 12/1 2500/100',
} as const;

/** Every form of the fixture location a cleaned file must not contain (text and EXIF rationals). */
export function gpsNeedles(): Buffer[] {
  const rationals = (parts: [number, number][], littleEndian: boolean) => {
    const b = Buffer.alloc(parts.length * 8);
    parts.forEach(([n, d], i) => {
      if (littleEndian) {
        b.writeUInt32LE(n, i * 8);
        b.writeUInt32LE(d, i * 8 + 4);
      } else {
        b.writeUInt32BE(n, i * 8);
        b.writeUInt32BE(d, i * 8 + 4);
      }
    });
    return b;
  };
  const lat: [number, number][] = [
    [34, 1],
    [2, 1],
    [1234, 100],
  ];
  const lng: [number, number][] = [
    [118, 1],
    [12, 1],
    [2500, 100],
  ];
  return [
    Buffer.from(GPS.text),
    Buffer.from('34.0367'),
    Buffer.from('118.2069'),
    Buffer.from(GPS.xmpLat),
    Buffer.from(GPS.xmpLng),
    Buffer.from('Boyle Heights'),
    Buffer.from('SERIAL-0042-TIPSTER'),
    rationals(lat, true),
    rationals(lat, false),
    rationals(lng, true),
    rationals(lng, false),
  ];
}

/** The needles found in `bytes` (empty when clean). */
export function gpsTraces(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return gpsNeedles()
    .filter((n) => buf.includes(n))
    .map((n) => (/^[\x20-\x7e]+$/.test(n.toString('latin1')) ? n.toString('latin1') : `0x${n.toString('hex')}`));
}

/** exifr with every segment and block on (the security notes' R11 oracle). */
export const EXIFR_ALL = {
  tiff: true,
  exif: true,
  gps: true,
  xmp: true,
  iptc: true,
  icc: true,
  ifd1: true,
  interop: true,
  makerNote: true,
  userComment: true,
  multiSegment: true,
  chunked: false,
} as const;

/** All metadata exifr finds in `bytes` (undefined when there is none). */
export async function metadataOf(bytes: Uint8Array): Promise<Record<string, unknown> | undefined> {
  return (await exifr.parse(Buffer.from(bytes), EXIFR_ALL)) as Record<string, unknown> | undefined;
}

const XMP = [
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>',
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
  `<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="${GPS.xmpLat}" exif:GPSLongitude="${GPS.xmpLng}"/>`,
  '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
].join('');

const EXIF = {
  IFD0: { Make: 'TipsterPhone', Model: 'Model 7', ImageDescription: `taken at ${GPS.text}` },
  IFD2: { BodySerialNumber: 'SERIAL-0042-TIPSTER', UserComment: `GPS ${GPS.text}` },
  IFD3: { GPSLatitudeRef: 'N', GPSLatitude: GPS.exifLat, GPSLongitudeRef: 'W', GPSLongitude: GPS.exifLng },
};

/** A photo-like picture (gradients and noise, so JPEG sizes are realistic). */
export function picture(width: number, height: number): Sharp {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const i = (y * width + x) * 3;
      const noise = (seed >> 16) & 0x1f;
      raw[i] = ((x * 255) / width + noise) & 0xff;
      raw[i + 1] = ((y * 255) / height + noise) & 0xff;
      raw[i + 2] = (((x + y) * 127) / (width + height) + noise) & 0xff;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

/**
 * A JPEG carrying the fixture location in EXIF GPS, XMP, IPTC (APP13) and a JPEG comment, with
 * a camera serial number: what a phone camera and a photo editor might leave behind.
 */
export async function gpsJpeg(width = 320, height = 240): Promise<Uint8Array> {
  const base = await picture(width, height).jpeg({ quality: 90 }).withExif(EXIF).withXmp(XMP).toBuffer();
  return injectJpegSegments(base, [app13Iptc(), comment(`GPS ${GPS.text} Boyle Heights`)]);
}

/** A JPEG whose EXIF says "rotate 90° clockwise" (stored landscape, shown portrait). */
export async function rotatedJpeg(): Promise<Uint8Array> {
  return new Uint8Array(await picture(64, 32).jpeg().withMetadata({ orientation: 6 }).toBuffer());
}

/** A PNG with eXIf (EXIF GPS) and a tEXt comment naming the place. */
export async function gpsPng(): Promise<Uint8Array> {
  const base = await picture(96, 64).png().withExif(EXIF).toBuffer();
  return insertPngChunk(base, 'tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.from(`GPS ${GPS.text} Boyle Heights`)]));
}

/** A WebP with EXIF and XMP (exifr cannot read WebP; check its bytes instead). */
export async function gpsWebp(): Promise<Uint8Array> {
  return new Uint8Array(await picture(96, 64).webp().withExif(EXIF).withXmp(XMP).toBuffer());
}

/** A two-frame animated GIF (frames 40×30): the first frame is kept. */
export async function animatedGif(): Promise<Uint8Array> {
  const frame = await picture(40, 30).raw().toBuffer();
  const two = Buffer.concat([frame, Buffer.from(frame.map((v) => 255 - v))]);
  return new Uint8Array(
    await sharp(two, { raw: { width: 40, height: 60, channels: 3, pageHeight: 30 } })
      .gif()
      .toBuffer(),
  );
}

/** A tiny valid PNG that declares `side` × `side` pixels of grey (a decompression bomb). */
export function pngBomb(side = 30_000): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const idat = deflateSync(Buffer.alloc((side + 1) * 64), { level: 9 }); // the first rows; the rest would follow
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', ihdr),
      pngChunk('IDAT', idat),
      pngChunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/**
 * A PNG text-chunk bomb: a 16 × 16 image followed by `chunks` compressed zTXt chunks, each
 * inflating to `inflatedBytes` (by default 50 × 20 MiB in about 1 MB). The text is 'A's, not
 * zeros: a zero ends the C string at once, and libvips would keep nothing of it.
 */
export async function ztxtBomb(chunks = 50, inflatedBytes = 20 * 1024 * 1024): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } })
    .png()
    .toBuffer();
  const text = deflateSync(Buffer.alloc(inflatedBytes, 0x41), { level: 9 });
  const bombs = Array.from({ length: chunks }, (_, i) =>
    pngChunk('zTXt', Buffer.concat([Buffer.from(`Comment ${i}\0\0`, 'latin1'), text])),
  );
  const afterIhdr = 8 + 8 + 13 + 4;
  return new Uint8Array(Buffer.concat([png.subarray(0, afterIhdr), ...bombs, png.subarray(afterIhdr)]));
}

/** A plain JPEG of `width` × `height` (one colour, so even 40 megapixels are a few hundred kB). */
export async function plainJpeg(width: number, height: number): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#3a6b8c' } })
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
}

/** A real PNG cut off in the middle of its image data. */
export async function truncatedPng(): Promise<Uint8Array> {
  const png = await picture(64, 48).png().toBuffer();
  return new Uint8Array(png.subarray(0, Math.floor(png.length * 0.6)));
}

/** The chunk types of a PNG, in order. */
export function pngChunkTypes(png: Uint8Array): string[] {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const types: string[] = [];
  for (let at = 8; at + 8 <= b.length; at += 12 + b.readUInt32BE(at)) types.push(b.toString('latin1', at + 4, at + 8));
  return types;
}

/** Builds a PNG from its chunks (type and data; lengths and CRCs are computed). */
export function pngFromChunks(chunks: [string, Uint8Array][]): Uint8Array {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, ...chunks.map(([type, data]) => pngChunk(type, Buffer.from(data)))]));
}

/** The chunks of a PNG (type and data), in order. */
export function pngChunks(png: Uint8Array): [string, Uint8Array][] {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  const out: [string, Uint8Array][] = [];
  for (let at = 8; at + 8 <= b.length; at += 12 + b.readUInt32BE(at)) {
    out.push([b.toString('latin1', at + 4, at + 8), new Uint8Array(b.subarray(at + 8, at + 8 + b.readUInt32BE(at)))]);
  }
  return out;
}

/** The start of an HEIC file (ftyp heic) followed by junk: what an iPhone photo looks like to a sniffer. */
export function fakeHeic(): Uint8Array {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic')]);
  return new Uint8Array(Buffer.concat([ftyp, Buffer.from(`GPS ${GPS.text}`), Buffer.alloc(64, 7)]));
}

/** The start of an MP4 (ftyp isom) with a location atom: sharp cannot touch it. */
export function fakeMp4(): Uint8Array {
  const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isom')]);
  const xyz = Buffer.from(`\u00a9xyz+34.0367-118.2069/`, 'latin1');
  return new Uint8Array(Buffer.concat([ftyp, Buffer.from([0, 0, 0, 8 + xyz.length]), Buffer.from('udta'), xyz]));
}

// ------------------------------------------------------------------------------------ builders

function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head[0] = 0xff;
  head[1] = marker;
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

function comment(text: string): Buffer {
  return jpegSegment(0xfe, Buffer.from(text, 'latin1'));
}

/** APP13 "Photoshop 3.0" with an IPTC block: city, sub-location and caption. */
function app13Iptc(): Buffer {
  const dataset = (n: number, value: string) => {
    const v = Buffer.from(value, 'latin1');
    const h = Buffer.from([0x1c, 0x02, n, 0, 0]);
    h.writeUInt16BE(v.length, 3);
    return Buffer.concat([h, v]);
  };
  const iptc = Buffer.concat([dataset(90, 'Los Angeles'), dataset(92, 'Boyle Heights'), dataset(120, `GPS ${GPS.text}`)]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(iptc.length);
  const pad = iptc.length % 2 ? Buffer.from([0]) : Buffer.alloc(0);
  const irb = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04]), Buffer.from([0, 0]), size, iptc, pad]);
  return jpegSegment(0xed, Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), irb]));
}

/** Inserts segments right after the JPEG's APP segments (before the quantisation tables). */
function injectJpegSegments(jpeg: Buffer, segments: Buffer[]): Uint8Array {
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && (jpeg[at + 1]! & 0xf0) === 0xe0) at += 2 + jpeg.readUInt16BE(at + 2);
  return new Uint8Array(Buffer.concat([jpeg.subarray(0, at), ...segments, jpeg.subarray(at)]));
}

function crc32(buf: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Inserts a chunk right after IHDR. */
function insertPngChunk(png: Buffer, type: string, data: Buffer): Uint8Array {
  const afterIhdr = 8 + 8 + 13 + 4;
  return new Uint8Array(Buffer.concat([png.subarray(0, afterIhdr), pngChunk(type, data), png.subarray(afterIhdr)]));
}
