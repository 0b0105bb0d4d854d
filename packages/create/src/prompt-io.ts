/**
 * Line-by-line questions over `node:readline`. Lines are queued as they arrive, so piped answers are never
 * lost between questions; every wait ends — with the next line, with `ABORTED` when input closes, or with
 * `ABORTED` after `timeoutMs` without an answer.
 */
import { createInterface } from 'node:readline';
import { CreateError } from './create-error.js';

export interface PromptIO {
  /** Writes `prompt` and resolves with the next line as typed. */
  question(prompt: string): Promise<string>;
  write(text: string): void;
  close(): void;
}

export function readlineIO(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  timeoutMs = 10 * 60_000,
): PromptIO {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  let closed = false;
  let waiter: ((line: string | null) => void) | null = null;
  rl.on('line', (line) => {
    if (waiter) {
      const wake = waiter;
      waiter = null;
      wake(line);
    } else lines.push(line);
  });
  const end = () => {
    closed = true;
    waiter?.(null);
    waiter = null;
  };
  rl.on('close', end);
  // A failing input (a closed pipe, a read error) ends the session like end-of-input does.
  rl.on('error', end);
  return {
    question(prompt) {
      output.write(prompt);
      const queued = lines.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (closed)
        return Promise.reject(new CreateError('ABORTED', '', 'input closed before every answer was given'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiter = null;
          reject(new CreateError('ABORTED', '', `no answer within ${Math.round(timeoutMs / 1000)} s`));
        }, timeoutMs);
        waiter = (line) => {
          clearTimeout(timer);
          if (line === null)
            reject(new CreateError('ABORTED', '', 'input closed before every answer was given'));
          else resolve(line);
        };
      });
    },
    write(text) {
      output.write(text);
    },
    close() {
      rl.close();
    },
  };
}
