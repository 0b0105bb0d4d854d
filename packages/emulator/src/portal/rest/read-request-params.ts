/** A REST request's parameters: the query string plus a form, multipart or JSON body (body wins). */
import type { Context } from 'hono';
import { MethodError } from '../method-error.js';
import { isTree, type ParamTree, parseParamPairs, parseQueryString } from './php-params.js';

export const maxBodyBytes = 2 * 1024 * 1024;

const badBody = (why: string) => new MethodError(400, 'INVALID_REQUEST', why);

async function bodyParams(c: Context): Promise<ParamTree> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  const length = Number(c.req.header('Content-Length') ?? '0');
  if (length > maxBodyBytes) throw badBody('The request body is larger than 2 MB');
  if (type.includes('multipart/form-data')) {
    let form: FormData;
    try {
      form = await c.req.formData();
    } catch {
      throw badBody('The multipart body cannot be parsed');
    }
    const pairs: [string, string][] = [];
    form.forEach((value, key) => {
      if (typeof value === 'string') pairs.push([key, value]);
    });
    return parseParamPairs(pairs);
  }
  const text = await c.req.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw badBody('The request body is larger than 2 MB');
  if (text.trim() === '') return {};
  if (type.includes('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw badBody('The request body is not valid JSON');
    }
    if (!isTree(json)) throw badBody('The JSON request body must be an object');
    return json;
  }
  return parseQueryString(text);
}

export async function readRequestParams(c: Context): Promise<ParamTree> {
  const url = new URL(c.req.url);
  const query = parseQueryString(url.search.slice(1));
  if (c.req.method !== 'POST') return query;
  return { ...query, ...(await bodyParams(c)) };
}
