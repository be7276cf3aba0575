/**
 * A tolerant multipart/form-data parser for the fake Bot API. grammY writes part headers as
 * `content-disposition:form-data;name="x";filename=photo.jpg` (no space, unquoted file name),
 * which the real Bot API accepts but undici's `Request.formData()` refuses, so we parse by hand.
 */

export interface MultipartFile {
  /** The part's name (grammY uses a random id and refers to it as `attach://<id>`). */
  field: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Record<string, MultipartFile>;
}

/** The boundary of a `multipart/form-data` content type, if any. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

/** Splits a multipart body into text fields and files. Malformed parts are skipped. */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
  const delim = Buffer.from(`--${boundary}`);
  const out: MultipartBody = { fields: {}, files: {} };
  const starts: number[] = [];
  for (let at = body.indexOf(delim); at !== -1; at = body.indexOf(delim, at + delim.length)) starts.push(at);
  for (let i = 0; i + 1 < starts.length; i++) {
    let part = body.subarray(starts[i]! + delim.length, starts[i + 1]);
    if (part.subarray(0, 2).toString() === '\r\n') part = part.subarray(2);
    if (part.subarray(part.length - 2).toString() === '\r\n') part = part.subarray(0, part.length - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const headers = parseHeaders(part.subarray(0, split).toString('utf8'));
    const content = part.subarray(split + 4);
    const disposition = headers['content-disposition'] ?? '';
    const name = param(disposition, 'name');
    if (name === undefined) continue;
    const filename = param(disposition, 'filename');
    if (filename === undefined) out.fields[name] = content.toString('utf8');
    else {
      out.files[name] = {
        field: name,
        filename,
        contentType: headers['content-type'] ?? 'application/octet-stream',
        bytes: new Uint8Array(content),
      };
    }
  }
  return out;
}

function parseHeaders(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) out[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return out;
}

function param(header: string, key: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${key}=(?:"([^"]*)"|([^;]*))`, 'i');
  const m = re.exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? '').trim();
}
