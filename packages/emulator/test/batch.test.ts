import { describe, expect, it } from 'vitest';
import { harness } from './emulator-harness.js';

describe('batch', () => {
  it('runs commands with PHP-style nested brackets and answers the host shape', async () => {
    const { rest, token } = harness();
    const { access_token } = await token();
    const r = await rest(
      'batch',
      {
        halt: 0,
        cmd: {
          me: 'user.current',
          bind: 'placement.bind?PLACEMENT=IM_SIDEBAR&HANDLER=http%3A%2F%2F127.0.0.1%3A5173%2Fs%2F&OPTIONS[iconName]=fa-star&OPTIONS[context]=CHAT',
          bad: 'placement.bind?PLACEMENT=IM_SIDEBAR&HANDLER=http%3A%2F%2F127.0.0.1%3A5173%2Fs%2F&OPTIONS[iconName]=fa-star',
          users: 'user.get?FILTER[ID]=2',
        },
      },
      access_token,
    );
    expect(r.status).toBe(200);
    const result = r.body.result as Record<string, Record<string, unknown>>;
    expect(Object.keys(result).sort()).toEqual([
      'result',
      'result_error',
      'result_next',
      'result_time',
      'result_total',
    ]);
    expect(result.result!.me).toMatchObject({ ID: '1' });
    expect(result.result!.bind).toBe(true);
    expect(result.result_error!.bad).toMatchObject({ error: 'ERROR_CORE' });
    expect(result.result!.users).toEqual([expect.objectContaining({ ID: '2' })]);
    expect(result.result_total!.users).toBe(1);
    expect(result.result_time!.me).toHaveProperty('duration');
    expect(r.body.time).toHaveProperty('start');
  });

  it('stops at the first error with halt', async () => {
    const { rest, token } = harness();
    const { access_token } = await token();
    const r = await rest(
      'batch',
      { halt: 1, cmd: { a: 'profile', b: 'no.such.method', c: 'user.current' } },
      access_token,
    );
    const result = r.body.result as Record<string, Record<string, unknown>>;
    expect(Object.keys(result.result!)).toEqual(['a']);
    expect(result.result_error!.b).toMatchObject({ error: 'ERROR_METHOD_NOT_FOUND' });
  });

  it('refuses more than 50 commands and nested batches', async () => {
    const { rest, token } = harness();
    const { access_token } = await token();
    const cmd = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, 'profile']));
    const tooMany = await rest('batch', { cmd }, access_token);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toBe('ERROR_BATCH_LENGTH_EXCEEDED');
    const fifty = await rest(
      'batch',
      { cmd: Object.fromEntries(Object.entries(cmd).slice(0, 50)) },
      access_token,
    );
    expect(Object.keys((fifty.body.result as { result: object }).result)).toHaveLength(50);
    const nested = await rest('batch', { cmd: { inner: 'batch?cmd[a]=profile' } }, access_token);
    expect(
      (nested.body.result as { result_error: Record<string, unknown> }).result_error.inner,
    ).toMatchObject({
      error: 'ERROR_BATCH_METHOD_NOT_ALLOWED',
    });
  });

  it('applies placement auth rules inside a batch sent through a webhook', async () => {
    const { restGet, runtime } = harness();
    const hook = runtime.state.webhooks[0]!;
    const query = `cmd[get]=${encodeURIComponent('placement.get')}&cmd[me]=profile`;
    const r = await restGet(`/rest/${hook.userId}/${hook.code}/batch?${query}`);
    const result = r.body.result as Record<string, Record<string, unknown>>;
    expect(result.result_error!.get).toMatchObject({ error: 'WRONG_AUTH_TYPE' });
    expect(result.result!.me).toMatchObject({ ID: 1 });
  });

  // bitrix24/b24restdocs api-reference/how-to-call-rest-api/batch.md: "In the parameters of each
  // subsequent request, you can use data from previous requests … $result[request_id][response_field]".
  it('substitutes $result references to earlier answers, whole values and inside text', async () => {
    const { rest, token } = harness();
    const { access_token } = await token();
    const r = await rest(
      'batch',
      {
        halt: 1,
        cmd: {
          me: 'user.current',
          byId: 'user.get?ID=$result[me][ID]',
          twice: `user.get?FILTER[ID]=${encodeURIComponent('$result[byId][0][ID]')}`,
          text: `im.dialog.get?DIALOG_ID=${encodeURIComponent('chat$result[missing][ID]')}`,
        },
      },
      access_token,
    );
    const result = r.body.result as Record<string, Record<string, unknown>>;
    expect(result.result!.byId).toEqual([expect.objectContaining({ ID: '1' })]);
    expect(result.result!.twice).toEqual([expect.objectContaining({ ID: '1' })]);
    // A reference to nothing is left as written, so that command fails visibly instead of matching all.
    expect(result.result_error!.text).toMatchObject({ error: expect.any(String) });
  });

  it('writes empty blocks as [] and 0…n-1 keys as lists, and takes a JSON list as cmd', async () => {
    const { rest, token } = harness();
    const { access_token } = await token();
    const r = await rest('batch', { cmd: ['user.current', 'profile'] }, access_token);
    expect(r.status).toBe(200);
    const result = r.body.result as Record<string, unknown>;
    expect(result.result).toEqual([expect.objectContaining({ ID: '1' }), expect.objectContaining({ ID: 1 })]);
    expect(result.result_error).toEqual([]);
    expect(result.result_total).toEqual([]);
    expect(result.result_next).toEqual([]);
    expect(result.result_time).toHaveLength(2);
    // The docs' halt example: everything failed, so result and result_time are [] and errors are keyed.
    const failed = await rest('batch', { halt: 1, cmd: { a: 'no.such', b: 'profile' } }, access_token);
    const blocks = failed.body.result as Record<string, unknown>;
    expect(blocks.result).toEqual([]);
    expect(blocks.result_time).toEqual([]);
    expect(blocks.result_error).toEqual({ a: expect.objectContaining({ error: 'ERROR_METHOD_NOT_FOUND' }) });
  });
});
