import { Refusal } from './refusal.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

function tooLarge(maxBytes: number): Refusal {
  return new Refusal(413, 'BODY_TOO_LARGE', `Bodies are limited to ${maxBytes} bytes.`);
}

/**
 * The body's bytes, at most `maxBytes` (else 413). A declared Content-Length over the limit is refused
 * before anything is read; a body without one is counted as it streams and cancelled at the limit. The
 * request is never turned into a stream when it has a length, which keeps `@hono/node-server` on its
 * direct read of the socket.
 */
async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const length = request.headers.get('content-length');
  if (length !== null && !request.headers.has('transfer-encoding')) {
    if (!/^\d{1,16}$/.test(length))
      throw new Refusal(400, 'MALFORMED_BODY', 'Content-Length is not a number.');
    if (Number(length) > maxBytes) throw tooLarge(maxBytes);
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return bytes;
  }
  const reader = request.body?.getReader();
  if (reader === undefined) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/**
 * Reads the body of the host's form POST (`application/x-www-form-urlencoded`, or `multipart/form-data`
 * without files), at most `maxBytes` (else 413). Any other type is 415 and is not read; bytes that are
 * not UTF-8, or escapes that decode to invalid UTF-8, are 400.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<URLSearchParams> {
  const contentType = request.headers.get('content-type') ?? '';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    const bytes = await readBodyBytes(request, maxBytes);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw new Refusal(400, 'MALFORMED_BODY', 'The form body is not valid UTF-8.');
    }
    const params = new URLSearchParams(text);
    for (const [key, value] of params) {
      if (key.includes('\uFFFD') || value.includes('\uFFFD')) {
        throw new Refusal(400, 'MALFORMED_BODY', 'The form body has an invalid percent-escape.', key);
      }
    }
    return params;
  }
  if (type === 'multipart/form-data') {
    const bytes = await readBodyBytes(request, maxBytes);
    let form: FormData;
    try {
      // Chunks of a web stream and Buffer.concat are backed by an ArrayBuffer.
      form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'Content-Type': contentType },
      }).formData();
    } catch {
      throw new Refusal(400, 'MALFORMED_BODY', 'The multipart form body cannot be parsed.');
    }
    const params = new URLSearchParams();
    for (const [key, value] of form) {
      if (typeof value !== 'string') throw new Refusal(400, 'MALFORMED_BODY', 'Files are not accepted.', key);
      params.append(key, value);
    }
    return params;
  }
  throw new Refusal(
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Expected a form body (application/x-www-form-urlencoded).',
  );
}

export interface FieldRule {
  /** Longest accepted value, in characters. */
  readonly maxLength?: number;
  readonly pattern?: RegExp;
}

/** Exactly one non-empty value of `name`, or a 400 naming the field (missing, duplicated, too long, malformed). */
export function requiredField(params: URLSearchParams, name: string, rule: FieldRule = {}): string {
  const value = optionalField(params, name, rule);
  if (value === null) throw new Refusal(400, 'MISSING_FIELD', `The field ${name} is required.`, name);
  return value;
}

/** At most one value of `name`: null when absent or empty, else checked like `requiredField`. */
export function optionalField(params: URLSearchParams, name: string, rule: FieldRule = {}): string | null {
  const values = params.getAll(name);
  if (values.length > 1)
    throw new Refusal(400, 'DUPLICATED_FIELD', `The field ${name} is given twice.`, name);
  const value = values[0] ?? '';
  if (value === '') return null;
  if (value.length > (rule.maxLength ?? 256)) {
    throw new Refusal(400, 'MALFORMED_FIELD', `The field ${name} is too long.`, name);
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    throw new Refusal(400, 'MALFORMED_FIELD', `The field ${name} is malformed.`, name);
  }
  return value;
}
