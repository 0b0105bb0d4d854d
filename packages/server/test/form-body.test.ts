import { describe, expect, it } from 'vitest';
import { readFormBody } from '../src/form-body.js';

const formType = { 'Content-Type': 'application/x-www-form-urlencoded' };

function streamOf(chunks: string[], onCancel: () => void = () => {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      if (next < chunks.length) controller.enqueue(encoder.encode(chunks[next++]!));
      else controller.close();
    },
    cancel: onCancel,
  });
}

function post(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request('http://localhost/events', {
    method: 'POST',
    headers: { ...formType, ...headers },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('readFormBody', () => {
  it('reads a form up to the limit, with or without a Content-Length', async () => {
    expect((await readFormBody(post('a=1&b=%C3%BC'), 12)).get('b')).toBe('ü');
    expect((await readFormBody(post(streamOf(['a=1&', 'b=2'])), 7)).get('b')).toBe('2');
  });

  it('refuses a declared Content-Length over the limit with 413 before reading', async () => {
    const request = post('a=1', { 'Content-Length': '100000' });
    await expect(readFormBody(request, 64)).rejects.toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(request.bodyUsed).toBe(false);
  });

  it('stops a streamed body at the limit with 413 and cancels the rest', async () => {
    let cancelled = false;
    const body = streamOf(['a=', 'x'.repeat(40), 'x'.repeat(40), 'never read'], () => {
      cancelled = true;
    });
    await expect(readFormBody(post(body), 64)).rejects.toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(cancelled).toBe(true);
  });

  it('refuses another type with 415 without reading it, and a multipart body over the limit with 413', async () => {
    const json = post('{"a":1}', { 'Content-Type': 'application/json' });
    await expect(readFormBody(json, 1024)).rejects.toMatchObject({ status: 415 });
    expect(json.bodyUsed).toBe(false);
    const form = new FormData();
    form.append('member_id', 'x'.repeat(200));
    const multipart = new Request('http://localhost/', { method: 'POST', body: form });
    await expect(readFormBody(multipart, 100)).rejects.toMatchObject({ status: 413 });
    const small = new FormData();
    small.append('member_id', 'abc');
    const ok = await readFormBody(new Request('http://localhost/', { method: 'POST', body: small }), 1024);
    expect(ok.get('member_id')).toBe('abc');
  });
});
