import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../src/dev/cli-args.js';

describe('parseCliArgs', () => {
  it('reads the documented options and environment defaults', () => {
    expect(parseCliArgs([], {})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      fresh: false,
      appsPort: null,
    });
    expect(parseCliArgs([], { IMKIT_EMULATOR_PORT: '3100' }).port).toBe(3100);
    const args = parseCliArgs(
      ['--port', '0', '--fresh', '--state', '/tmp/s.json', '--serve-dist', '--apps-port', '5181'],
      {},
    );
    expect(args).toMatchObject({
      port: 0,
      fresh: true,
      stateFile: '/tmp/s.json',
      serveDist: true,
      appsPort: 5181,
    });
    expect(parseCliArgs(['--serve-dist'], {}).appsPort).toBe(5180);
    expect(parseCliArgs(['--memory'], {}).stateFile).toBeNull();
  });

  it('skips the bare -- that pnpm passes through', () => {
    expect(parseCliArgs(['--', '--port', '0', '--fresh'], {})).toMatchObject({ port: 0, fresh: true });
    expect(parseCliArgs(['--port', '0', '--', '--help'], {})).toMatchObject({ port: 0, help: true });
    expect(() => parseCliArgs(['--port', '--'], {})).toThrow(/--port needs a value/);
  });

  it('refuses bad input naming the option', () => {
    expect(() => parseCliArgs(['--port', 'abc'], {})).toThrow(/--port/);
    expect(() => parseCliArgs(['--port', '70000'], {})).toThrow(UsageError);
    expect(() => parseCliArgs(['--state'], {})).toThrow(/--state needs a value/);
    expect(() => parseCliArgs(['--apps-port', '1'], {})).toThrow(/--serve-dist/);
    expect(() => parseCliArgs(['--nope'], {})).toThrow(/unknown option --nope/);
    expect(() => parseCliArgs([], { IMKIT_EMULATOR_PORT: 'x' })).toThrow(/IMKIT_EMULATOR_PORT/);
  });
});
