import { Refusal } from './refusal.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the body of the host's form POST (`application/x-www-form-urlencoded`, or `multipart/form-data`
 * without files). Any other type is 415; bytes that are not UTF-8, or escapes that decode to invalid
 * UTF-8, are 400. Size is limited before this runs (body-limit middleware).
 */
export async function readFormBody(request: Request): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') {
    let text: string;
    try {
      text = decoder.decode(await request.arrayBuffer());
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
    let form: FormData;
    try {
      form = await request.formData();
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
