/** Raised when the emulator's private API answers with data the shell cannot read; names the field. */
export class ShellDataError extends Error {
  override readonly name = 'ShellDataError';
  readonly field: string;
  constructor(field: string, expected: string, got: unknown) {
    super(`${field}: expected ${expected}, got ${describeValue(got)}`);
    this.field = field;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `"${value.slice(0, 40)}"` : typeof value;
}
