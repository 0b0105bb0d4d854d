import { describe, expect, it } from 'vitest';
import { CreateError, parseCreateArgs } from '../src/index.js';
import { issueExampleArgv } from './support/issue-example.js';

describe('parseCreateArgs', () => {
  it('reads the issue example', () => {
    const args = parseCreateArgs(issueExampleArgv);
    expect(args).toEqual({
      help: false,
      yes: true,
      dir: undefined,
      name: 'my-app',
      placement: 'IM_SIDEBAR',
      title: 'My app',
      description: undefined,
      options: { iconName: 'fa-book' },
    });
  });

  it('maps every option flag to its host option name', () => {
    const args = parseCreateArgs([
      '--icon=fa-x',
      '--extranet=Y',
      '--context=USER;CHAT',
      '--role=ADMIN',
      '--color=',
      '--width=300',
      '--height=200',
      '--dir=/tmp/ws',
      '-y',
    ]);
    expect(args.options).toEqual({
      iconName: 'fa-x',
      extranet: 'Y',
      context: 'USER;CHAT',
      role: 'ADMIN',
      color: '',
      width: '300',
      height: '200',
    });
    expect(args.dir).toBe('/tmp/ws');
    expect(args.yes).toBe(true);
  });

  it('reads --help and -h', () => {
    expect(parseCreateArgs(['--help']).help).toBe(true);
    expect(parseCreateArgs(['-h']).help).toBe(true);
    expect(parseCreateArgs([]).help).toBe(false);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--name'], /--name/],
    [['stray'], /positional/i],
    [['--yes=1'], /--yes/],
  ])('refuses %j with USAGE', (argv, message) => {
    const error = (() => {
      try {
        parseCreateArgs(argv);
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(CreateError);
    expect(error).toMatchObject({ code: 'USAGE', field: 'argv' });
    expect((error as Error).message).toMatch(message);
  });
});
