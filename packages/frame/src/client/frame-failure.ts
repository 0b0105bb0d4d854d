/** Short constructors for the client's typed errors (the messages always start with the method). */
import { FrameError, type FrameErrorCode } from '../types.js';

export function frameFailure(code: FrameErrorCode, method: string, detail: string): FrameError {
  return new FrameError(code, method, `${method}: ${detail}`);
}

/** Throws INVALID_ARGUMENT naming `field` unless `ok`. */
export function requireArgument(ok: boolean, method: string, field?: string): void {
  if (!ok) throw frameFailure('INVALID_ARGUMENT', method, `invalid ${field}`);
}
