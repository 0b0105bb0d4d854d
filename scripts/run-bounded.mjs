/**
 * `runBounded(command, args, cwd, timeoutMs, env)`: runs a command to completion with its output
 * collected; killed when it outlives the timeout. Resolves with the output, rejects with it (the last
 * 4000 characters) on a non-zero exit. `npmOnlyEnv` is the environment of a stranger's shell: npm only,
 * no workspace variables. Used by `scripts/consumer-test.mjs` and the bench's package part.
 */
import { spawn } from 'node:child_process';

export const npmOnlyEnv = {
  npm_config_user_agent: '',
  INIT_CWD: '',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};

export function runBounded(command, args, cwd, timeoutMs, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${command} ${args.join(' ')} did not finish within ${timeoutMs / 1000} s:\n${output.slice(-4000)}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`));
    });
  });
}

/** `npx` arguments that run create-imkit from its tarball into `dir` with `placements`, from `packs`. */
export function createImkitArgs(tarball, dir, placements, packs) {
  return [
    '--yes',
    '--package',
    tarball,
    'create-imkit',
    dir,
    ...placements.flatMap((code) => ['--placement', code]),
    '--yes',
    '--packages-from',
    packs,
  ];
}
