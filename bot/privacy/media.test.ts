/**
 * Media cleaning (security notes R11-R13): every image comes out as a plain JPEG in which exifr
 * finds no metadata at all and whose bytes hold no trace of where it was taken; what cannot be
 * cleaned is marked so, and bombs and broken files are refused quickly, without a throw.
 */
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  animatedGif,
  fakeHeic,
  fakeMp4,
  GPS,
  gpsJpeg,
  gpsPng,
  gpsTraces,
  gpsWebp,
  metadataOf,
  picture,
  pngBomb,
  rotatedJpeg,
  ztxtBomb,
} from '../../tests/support/images.js';
import type { Attachment } from '../messages.js';
import { DecodeQueue } from './decode-queue.js';
import { cleanAttachment, cleaningOf, DEFAULT_MEDIA_LIMITS, mediaLimits, sniffImage, type CleanedAttachment } from './media.js';

const image = (data: Uint8Array, mime = 'image/jpeg'): Attachment => ({ kind: 'image', mime, name: 'IMG_20261121_0912.jpg', data });

async function expectClean(c: CleanedAttachment): Promise<Uint8Array> {
  expect(c.cleaned).toBe(true);
  expect(c.withheld).toBeUndefined();
  expect(c.mime).toBe('image/jpeg');
  const data = c.data!;
  expect(c.size).toBe(data.byteLength);
  expect(sniffImage(data)).toBe('jpeg');
  expect(await metadataOf(data)).toBeUndefined(); // exifr finds nothing: no EXIF, GPS, XMP, IPTC, ICC
  expect(await exifr.gps(Buffer.from(data))).toBeUndefined();
  expect(gpsTraces(data)).toEqual([]);
  const meta = await sharp(data).metadata();
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.iptc).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.comments ?? []).toEqual([]);
  return data;
}

describe('cleanAttachment: images', () => {
  it('a JPEG with EXIF GPS, XMP, IPTC, a comment and a serial number comes out with none of them', async () => {
    const input = await gpsJpeg();
    // The fixture really carries the location, as exifr reads it, in every form.
    const before = await metadataOf(input);
    expect(before).toMatchObject({ SerialNumber: 'SERIAL-0042-TIPSTER', Sublocation: 'Boyle Heights', Make: 'TipsterPhone' });
    expect((before as { latitude: number }).latitude).toBeCloseTo(GPS.lat, 5);
    expect((before as { longitude: number }).longitude).toBeCloseTo(GPS.lng, 5);
    expect(await exifr.parse(Buffer.from(input), { tiff: false, xmp: true })).toMatchObject({ GPSLatitude: GPS.xmpLat });
    expect(gpsTraces(input)).toEqual(expect.arrayContaining([GPS.text, GPS.xmpLat, 'Boyle Heights', 'SERIAL-0042-TIPSTER']));
    expect(gpsTraces(input).filter((t) => t.startsWith('0x'))).toHaveLength(2); // the EXIF rationals themselves

    const out = await cleanAttachment(image(input));
    const data = await expectClean(out);
    expect(out.name).toBeUndefined(); // file names can carry dates and device names
    const meta = await sharp(data).metadata();
    expect([meta.width, meta.height]).toEqual([320, 240]); // the pixels are kept
  });

  it('a PNG with eXIf and a tEXt comment, and a WebP with EXIF and XMP, come out as clean JPEGs', async () => {
    const png = await gpsPng();
    expect(await metadataOf(png)).toMatchObject({ Comment: expect.stringContaining(GPS.text), GPSLatitudeRef: 'N' });
    await expectClean(await cleanAttachment(image(png, 'image/png')));

    const webp = await gpsWebp(); // exifr cannot read WebP: its bytes show what it carries
    expect(gpsTraces(webp)).toEqual(expect.arrayContaining([GPS.text, GPS.xmpLat, 'SERIAL-0042-TIPSTER']));
    await expectClean(await cleanAttachment(image(webp, 'image/webp')));
  });

  it('an animated GIF keeps its first frame only', async () => {
    const out = await cleanAttachment(image(await animatedGif(), 'image/gif'));
    const meta = await sharp(await expectClean(out)).metadata();
    expect([meta.width, meta.height, meta.pages ?? 1]).toEqual([40, 30, 1]);
  });

  it('bakes the EXIF orientation into the pixels before the tag is dropped', async () => {
    const input = await rotatedJpeg();
    expect((await sharp(input).metadata()).orientation).toBe(6);
    const data = await expectClean(await cleanAttachment(image(input)));
    const meta = await sharp(data).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([32, 64, undefined]);
  });

  it('scales a 12-megapixel photo down to 2048 px on the long side', async () => {
    const input = new Uint8Array(
      await picture(4000, 3000)
        .jpeg({ quality: 92 })
        .withExif({ IFD3: { GPSLatitudeRef: 'N', GPSLatitude: GPS.exifLat } })
        .toBuffer(),
    );
    const started = performance.now();
    const out = await cleanAttachment(image(input));
    const ms = performance.now() - started;
    const meta = await sharp(await expectClean(out)).metadata();
    expect([meta.width, meta.height]).toEqual([2048, 1536]);
    expect(out.size).toBeLessThan(input.byteLength);
    expect(ms).toBeLessThan(5000);
  });

  it('cleans an image sent as a document (kind by its bytes, not its label)', async () => {
    const out = await cleanAttachment({ kind: 'document', mime: 'image/png', name: 'scan.png', data: await gpsPng() });
    expect(out.kind).toBe('image');
    await expectClean(out);
  });
});

describe('cleanAttachment: refusals never throw', () => {
  it('a 30000 × 30000 PNG bomb (3 kB on disk) is refused from its header, quickly, without decoding', async () => {
    const bomb = pngBomb(30_000);
    expect(bomb.byteLength).toBeLessThan(10_000);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const out = await cleanAttachment(image(bomb, 'image/png'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
    expect(out).toMatchObject({ cleaned: false, withheld: 'too_large' });
    expect(out.data).toBeUndefined();
  });

  it('a PNG text-chunk bomb (10 zTXt chunks of 20 MiB each) is cleaned from its image chunks alone, quickly', async () => {
    const bomb = await ztxtBomb(10);
    const rss = process.memoryUsage().rss;
    const started = performance.now();
    const out = await cleanAttachment(image(bomb, 'image/png'));
    expect(performance.now() - started).toBeLessThan(1000); // libvips inflating the text takes seconds and gigabytes
    expect(process.memoryUsage().rss - rss).toBeLessThan(64 * 1024 * 1024);
    const meta = await sharp(await expectClean(out)).metadata();
    expect([meta.width, meta.height]).toEqual([16, 16]);
  });

  it('an image whose decoded size breaks the memory cap is refused from its header', async () => {
    const deep = new Uint8Array(
      await sharp({ create: { width: 64, height: 64, channels: 4, background: '#abcdef' } })
        .toColourspace('rgb16')
        .png()
        .toBuffer(),
    );
    const cap = 64 * 64 * 4 * 2; // 16-bit RGBA
    expect(await cleanAttachment(image(deep, 'image/png'), { ...DEFAULT_MEDIA_LIMITS, maxDecodeBytes: cap - 1 })).toMatchObject({
      cleaned: false,
      withheld: 'too_large',
    });
    expect(await cleanAttachment(image(deep, 'image/png'), { ...DEFAULT_MEDIA_LIMITS, maxDecodeBytes: cap })).toMatchObject({
      cleaned: true,
    });
  });

  it('decodes wait their turn; a photo that finds the queue full is refused, never held', async () => {
    const queue = new DecodeQueue({ concurrency: 1, maxWaiting: 1 });
    const photos = await Promise.all([gpsJpeg(), gpsJpeg(), gpsJpeg()]);
    const results = await Promise.all(photos.map((p) => cleanAttachment(image(p), DEFAULT_MEDIA_LIMITS, queue)));
    expect(results.map((r) => r.withheld ?? 'cleaned')).toEqual(['cleaned', 'cleaned', 'unreadable']);
    expect(results[2]!.data).toBeUndefined();
    expect(queue.counters).toEqual({ decodes: 2, refused: 1 });
  });

  it('an image just over the pixel limit is refused; the limit comes from the config', async () => {
    const input = new Uint8Array(await picture(300, 200).jpeg().toBuffer()); // 60 000 px
    expect(await cleanAttachment(image(input), { ...DEFAULT_MEDIA_LIMITS, maxPixels: 59_999 })).toMatchObject({
      cleaned: false,
      withheld: 'too_large',
    });
    expect(await cleanAttachment(image(input), { ...DEFAULT_MEDIA_LIMITS, maxPixels: 60_000 })).toMatchObject({ cleaned: true });
  });

  it('a file over the byte limit is refused before decoding, and its bytes are dropped', async () => {
    const input = await gpsJpeg();
    const out = await cleanAttachment(image(input), { ...DEFAULT_MEDIA_LIMITS, maxBytes: input.byteLength - 1 });
    expect(out).toMatchObject({ cleaned: false, withheld: 'too_large', size: input.byteLength });
    expect(out.data).toBeUndefined();
  });

  it('corrupt, truncated or unknown image bytes are unreadable, and dropped', async () => {
    const jpeg = await gpsJpeg();
    const cases: Attachment[] = [
      image(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4])), // a JPEG header and nothing else
      image(jpeg.subarray(0, Math.floor(jpeg.byteLength / 3))), // cut off mid-image
      image(new Uint8Array(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')), 'image/svg+xml'), // not on the allow-list
      image(new Uint8Array(Buffer.from('GIF89a garbage'))),
      image(new Uint8Array(0)),
      { kind: 'image', mime: 'image/jpeg' }, // never downloaded
    ];
    for (const att of cases) {
      const out = await cleanAttachment(att);
      expect(out).toMatchObject({ cleaned: false, withheld: 'unreadable' });
      expect(out.data).toBeUndefined();
    }
  });

  it('video, audio, documents, HEIC and AVIF cannot be cleaned: kept as received, marked so', async () => {
    const cases: Attachment[] = [
      { kind: 'video', mime: 'video/mp4', data: fakeMp4() },
      { kind: 'audio', mime: 'audio/ogg', data: new Uint8Array([0x4f, 0x67, 0x67, 0x53]) },
      { kind: 'document', mime: 'application/pdf', data: new Uint8Array(Buffer.from('%PDF-1.7')) },
      { kind: 'image', mime: 'image/heic', data: fakeHeic() }, // prebuilt sharp has no HEVC decoder
      { kind: 'image', mime: 'image/avif', data: new Uint8Array(await picture(32, 24).avif().toBuffer()) }, // a container we do not rebuild
    ];
    for (const att of cases) {
      const out = await cleanAttachment(att);
      expect(out).toMatchObject({ kind: att.kind, mime: att.mime, cleaned: false, withheld: 'cannot_clean', size: att.data!.byteLength });
      expect(out.data).toBe(att.data);
    }
  });
});

describe('helpers', () => {
  it('mediaLimits converts the config units and keeps defaults', () => {
    expect(mediaLimits()).toEqual(DEFAULT_MEDIA_LIMITS);
    expect(DEFAULT_MEDIA_LIMITS).toMatchObject({ maxBytes: 15 * 1024 * 1024, maxPixels: 40_000_000, maxDimension: 2048 });
    expect(mediaLimits({ maxMediaMegabytes: 2, maxImageMegapixels: 12.5, maxImageDimension: 1024 })).toEqual({
      ...DEFAULT_MEDIA_LIMITS,
      maxBytes: 2 * 1024 * 1024,
      maxPixels: 12_500_000,
      maxDimension: 1024,
    });
  });

  it('sniffImage goes by the bytes, not the name', async () => {
    expect(sniffImage(await gpsJpeg())).toBe('jpeg');
    expect(sniffImage(await gpsPng())).toBe('png');
    expect(sniffImage(await gpsWebp())).toBe('webp');
    expect(sniffImage(await animatedGif())).toBe('gif');
    expect(sniffImage(fakeHeic())).toBe('heif');
    expect(sniffImage(fakeMp4())).toBeUndefined();
    expect(sniffImage(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
  });

  it('cleaningOf: an attachment that never went through cleaning counts as not cleaned', () => {
    expect(cleaningOf({ kind: 'image', mime: 'image/jpeg' })).toEqual({ cleaned: false });
    expect(cleaningOf({ kind: 'image', mime: 'image/jpeg', cleaned: true } as CleanedAttachment)).toEqual({ cleaned: true });
    expect(cleaningOf({ kind: 'video', mime: 'video/mp4', cleaned: false, withheld: 'cannot_clean' } as CleanedAttachment)).toEqual({
      cleaned: false,
      withheld: 'cannot_clean',
    });
  });
});
