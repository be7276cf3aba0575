/**
 * Container surgery: what comes out holds only image-coding parts (no text chunks, EXIF, XMP,
 * comments, extra frames), still decodes to the same pixels, and anything malformed is refused
 * as a value, never a throw.
 */
import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  animatedGif,
  GPS,
  gpsJpeg,
  gpsPng,
  gpsTraces,
  gpsWebp,
  picture,
  pngChunks,
  pngChunkTypes,
  pngFromChunks,
  rotatedJpeg,
  truncatedPng,
  ztxtBomb,
} from '../../tests/support/images.js';
import { decodedBytes, stripContainer, type ContainerFormat, type ImageHeader } from './media-container.js';

function strip(format: ContainerFormat, bytes: Uint8Array): { bytes: Uint8Array; header: ImageHeader } {
  const r = stripContainer(format, bytes);
  if (!r.ok) throw new Error(`refused: ${r.problem}`);
  return r;
}

async function pixels(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes, { pages: 1 }).raw().toBuffer();
}

/** JPEG marker bytes in order (segments and the scan markers), e.g. [0xd8, 0xdb, 0xc0, ...]. */
function jpegMarkers(b: Uint8Array): number[] {
  const out: number[] = [];
  let at = 2;
  out.push(0xd8);
  while (at + 4 <= b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    out.push(marker);
    if (marker === 0xd9) break;
    at += 2 + ((b[at + 2]! << 8) | b[at + 3]!);
    if (marker === 0xda) while (at + 1 < b.length && !(b[at] === 0xff && b[at + 1] !== 0 && (b[at + 1]! < 0xd0 || b[at + 1]! > 0xd7))) at++;
  }
  return out;
}

/** RIFF chunk FourCCs of a WebP. */
function webpChunks(b: Uint8Array): string[] {
  const buf = Buffer.from(b);
  const out: string[] = [];
  for (let at = 12; at + 8 <= buf.length;) {
    const size = buf.readUInt32LE(at + 4);
    out.push(buf.toString('latin1', at, at + 4));
    at += 8 + size + (size & 1);
  }
  return out;
}

describe('PNG', () => {
  it('the zTXt bomb (50 × 20 MiB of text in 1 MB) comes out as a 16 × 16 image of a few hundred bytes', async () => {
    const bomb = await ztxtBomb();
    expect(bomb.byteLength).toBeGreaterThan(900_000);
    expect(pngChunkTypes(bomb).filter((t) => t === 'zTXt')).toHaveLength(50);
    const started = performance.now();
    const out = strip('png', bomb);
    expect(performance.now() - started).toBeLessThan(200);
    expect(pngChunkTypes(out.bytes)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(out.bytes.byteLength).toBeLessThan(200);
    expect(out.header).toEqual({ width: 16, height: 16, channels: 3, bytesPerSample: 1 });
  });

  it('drops eXIf and tEXt and keeps the pixels exactly', async () => {
    const png = await gpsPng();
    expect(pngChunkTypes(png)).toEqual(expect.arrayContaining(['tEXt', 'eXIf']));
    const out = strip('png', png);
    expect(new Set(pngChunkTypes(out.bytes))).toEqual(new Set(['IHDR', 'IDAT', 'IEND']));
    expect(gpsTraces(out.bytes)).toEqual([]);
    expect(await pixels(out.bytes)).toEqual(await pixels(png));
  });

  it('keeps PLTE and tRNS of a palette image, counts it as RGBA, and drops APNG frames and data after IEND', async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 4, background: { r: 9, g: 99, b: 199, alpha: 0.5 } } })
      .png({ palette: true })
      .toBuffer();
    const chunks = pngChunks(png);
    expect(pngChunkTypes(png)).toContain('pHYs');
    const kept = ['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND'];
    const [ihdr, ...rest] = chunks;
    const iend = rest.pop()!;
    const apng = pngFromChunks([
      ihdr!,
      ['acTL', new Uint8Array(8)],
      ['fcTL', new Uint8Array(26)],
      ...rest,
      ['fcTL', new Uint8Array(26)],
      ['fdAT', new Uint8Array(40)],
      iend,
    ]);
    const withTrailer = new Uint8Array([...apng, ...Buffer.from('trailing GPS 34.036761,-118.206944')]);
    const out = strip('png', withTrailer);
    expect(pngChunkTypes(out.bytes)).toEqual(kept);
    expect(gpsTraces(out.bytes)).toEqual([]);
    expect(out.header).toMatchObject({ width: 20, height: 10, channels: 4 });
    expect(await pixels(out.bytes)).toEqual(await pixels(png));
  });

  it('reads 16-bit depth from IHDR: twice the bytes per sample', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: '#123456' } })
      .toColourspace('rgb16')
      .png()
      .toBuffer();
    const out = strip('png', png);
    expect(out.header).toEqual({ width: 10, height: 10, channels: 4, bytesPerSample: 2 });
    expect(decodedBytes(out.header)).toBe(800);
  });

  it('refuses truncated, headless, empty and unknown-critical PNGs', async () => {
    const png = await picture(16, 16).png().toBuffer();
    const chunks = pngChunks(png);
    const cases = [
      await truncatedPng(),
      png.subarray(0, png.length - 12), // no IEND
      pngFromChunks(chunks.filter(([t]) => t !== 'IHDR')),
      pngFromChunks(chunks.filter(([t]) => t !== 'IDAT')),
      pngFromChunks([chunks[0]!, ['ZZZZ', new Uint8Array(4)], ...chunks.slice(1)]),
      pngFromChunks([['IHDR', new Uint8Array(13)], ...chunks.slice(1)]), // 0 × 0, colour type 0 depth 0
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    ];
    for (const bytes of cases) expect(stripContainer('png', bytes)).toMatchObject({ ok: false });
  });
});

describe('JPEG', () => {
  it('drops every APPn and COM (EXIF GPS, XMP, IPTC, comment) and keeps the pixels exactly', async () => {
    const jpeg = await gpsJpeg();
    expect(jpegMarkers(jpeg)).toEqual(expect.arrayContaining([0xe1, 0xed, 0xfe]));
    const out = strip('jpeg', jpeg);
    expect(jpegMarkers(out.bytes).filter((m) => (m >= 0xe0 && m <= 0xef) || m === 0xfe)).toEqual([]);
    expect(gpsTraces(out.bytes)).toEqual([]);
    expect(out.header).toEqual({ width: 320, height: 240, channels: 3, bytesPerSample: 1 });
    expect(await pixels(out.bytes)).toEqual(await pixels(jpeg));
  });

  it('carries the orientation over in a 26-byte EXIF block of its own, and nothing else of the original', async () => {
    const jpeg = await rotatedJpeg();
    const out = strip('jpeg', jpeg);
    expect(jpegMarkers(out.bytes).filter((m) => m >= 0xe0 && m <= 0xef)).toEqual([0xe1]);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.orientation).toBe(6);
    expect(meta.exif?.byteLength).toBe(32); // "Exif\0\0" + TIFF header + one IFD entry
  });

  it('keeps progressive scans and the Adobe colour transform of a CMYK file', async () => {
    const progressive = new Uint8Array(await picture(64, 48).jpeg({ progressive: true }).toBuffer());
    const p = strip('jpeg', progressive);
    expect(jpegMarkers(p.bytes).filter((m) => m === 0xda).length).toBeGreaterThan(1);
    expect(await pixels(p.bytes)).toEqual(await pixels(progressive));

    const cmyk = new Uint8Array(await picture(32, 24).toColourspace('cmyk').jpeg().toBuffer());
    const c = strip('jpeg', cmyk);
    expect(c.header.channels).toBe(4);
    expect(await pixels(c.bytes)).toEqual(await pixels(cmyk));
  });

  it('drops a second image after EOI (MPO, or anything appended)', async () => {
    const jpeg = await gpsJpeg();
    const out = strip('jpeg', new Uint8Array([...jpeg, ...(await gpsJpeg(32, 24))]));
    expect(out.bytes.byteLength).toBeLessThan(jpeg.byteLength);
    expect(gpsTraces(out.bytes)).toEqual([]);
  });

  it('refuses truncated JPEGs and ones without a frame or scan', async () => {
    const jpeg = await gpsJpeg();
    const cases = [
      jpeg.subarray(0, Math.floor(jpeg.byteLength / 2)), // cut mid-scan
      jpeg.subarray(0, jpeg.byteLength - 2), // no EOI
      new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), // nothing in between
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2]),
    ];
    for (const bytes of cases) expect(stripContainer('jpeg', bytes)).toMatchObject({ ok: false });
  });
});

describe('WebP', () => {
  it('drops EXIF and XMP and clears their flags', async () => {
    const webp = await gpsWebp();
    expect(webpChunks(webp)).toEqual(expect.arrayContaining(['VP8X', 'EXIF', 'XMP ']));
    const out = strip('webp', webp);
    expect(webpChunks(out.bytes)).toEqual(['VP8 ']);
    expect(gpsTraces(out.bytes)).toEqual([]);
    expect(out.header).toEqual({ width: 96, height: 64, channels: 4, bytesPerSample: 1 });
    expect(await pixels(out.bytes)).toEqual(await pixels(webp));
  });

  it('keeps alpha (lossy with ALPH, and lossless), and keeps the first frame of an animation only', async () => {
    const rgba = sharp({ create: { width: 24, height: 16, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 0.5 } } });
    const lossy = new Uint8Array(await rgba.clone().webp().toBuffer());
    const l = strip('webp', lossy);
    expect(webpChunks(l.bytes)).toEqual(['VP8X', 'ALPH', 'VP8 ']);
    expect(await pixels(l.bytes)).toEqual(await pixels(lossy));
    const lossless = new Uint8Array(await rgba.clone().webp({ lossless: true }).toBuffer());
    expect(webpChunks(strip('webp', lossless).bytes)).toEqual(['VP8L']);

    const animated = new Uint8Array(
      await sharp(await animatedGif(), { pages: -1 })
        .webp()
        .toBuffer(),
    );
    expect(webpChunks(animated)).toEqual(expect.arrayContaining(['ANIM', 'ANMF']));
    const a = strip('webp', animated);
    const meta = await sharp(a.bytes).metadata();
    expect([meta.width, meta.height, meta.pages ?? 1]).toEqual([40, 30, 1]);
  });

  it('refuses truncated or bitstream-less WebP', async () => {
    const webp = await gpsWebp();
    expect(stripContainer('webp', webp.subarray(0, webp.byteLength - 10))).toMatchObject({ ok: false });
    expect(stripContainer('webp', new Uint8Array([...Buffer.from('RIFF'), 4, 0, 0, 0, ...Buffer.from('WEBP')]))).toMatchObject({
      ok: false,
    });
  });
});

describe('GIF', () => {
  it('keeps the first frame only and drops comment and application extensions', async () => {
    const gif = Buffer.from(await animatedGif());
    const gct = gif[10]! & 0x80 ? 3 * 2 ** ((gif[10]! & 7) + 1) : 0;
    const comment = Buffer.concat([Buffer.from([0x21, 0xfe, GPS.text.length]), Buffer.from(GPS.text), Buffer.from([0])]);
    // An application extension as XMP is written into a GIF: "XMP DataXMP" and the packet as sub-blocks.
    const xmp = Buffer.concat([
      Buffer.from([0x21, 0xff, 11]),
      Buffer.from('XMP DataXMP'),
      Buffer.from([13]),
      Buffer.from('Boyle Heights'),
      Buffer.from([0]),
    ]);
    const withMetadata = new Uint8Array(Buffer.concat([gif.subarray(0, 13 + gct), comment, xmp, gif.subarray(13 + gct)]));
    expect(gpsTraces(withMetadata)).toEqual(expect.arrayContaining([GPS.text, 'Boyle Heights']));
    const out = strip('gif', withMetadata);
    expect(gpsTraces(out.bytes)).toEqual([]);
    expect(Buffer.from(out.bytes).includes(Buffer.from('XMP Data'))).toBe(false);
    const meta = await sharp(out.bytes).metadata();
    expect([meta.width, meta.height, meta.pages ?? 1]).toEqual([40, 30, 1]);
    expect(out.header).toEqual({ width: 40, height: 30, channels: 4, bytesPerSample: 1 });
    const rgb = (b: Uint8Array) => sharp(b, { pages: 1 }).removeAlpha().raw().toBuffer(); // an opaque first frame
    expect(await rgb(out.bytes)).toEqual(await rgb(gif));
  });

  it('refuses a GIF cut off before or inside its first image', async () => {
    const gif = await animatedGif();
    expect(stripContainer('gif', gif.subarray(0, 40))).toMatchObject({ ok: false });
    expect(stripContainer('gif', new Uint8Array([...Buffer.from('GIF89a'), 1, 0, 1, 0, 0, 0, 0, 0x3b]))).toMatchObject({ ok: false });
  });
});

describe('never throws', () => {
  it('on any prefix or any byte flipped of a real file, in every format', async () => {
    const samples: [ContainerFormat, Uint8Array][] = [
      ['png', await gpsPng()],
      ['jpeg', await gpsJpeg(64, 48)],
      ['webp', await gpsWebp()],
      ['gif', await animatedGif()],
    ];
    for (const [format, bytes] of samples) {
      fc.assert(
        fc.property(
          fc.nat({ max: bytes.byteLength }),
          fc.nat({ max: bytes.byteLength - 1 }),
          fc.integer({ min: 0, max: 255 }),
          (cut, at, value) => {
            const mutated = new Uint8Array(bytes.subarray(0, Math.max(cut, at + 1)));
            mutated[at] = value;
            const r = stripContainer(format, mutated);
            expect(typeof r.ok).toBe('boolean');
          },
        ),
        { numRuns: 300 },
      );
    }
  });
});
