/** An error a REST method answers with: HTTP status plus the host's `error` body. */
export class MethodError extends Error {
  override readonly name = 'MethodError';
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(`${error}: ${description}`);
  }

  body(): Record<string, unknown> {
    return { error: this.error, error_description: this.description, ...this.extra };
  }
}
