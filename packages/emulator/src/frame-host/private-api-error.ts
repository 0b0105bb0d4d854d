/** A refused private-API request: HTTP status, a code, a text and the field at fault. */
export class PrivateApiError extends Error {
  override readonly name = 'PrivateApiError';
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    readonly description: string,
    readonly field?: string,
  ) {
    super(`${code}: ${description}`);
  }

  body(): Record<string, string> {
    const body: Record<string, string> = { error: this.code, error_description: this.description };
    if (this.field !== undefined) body.field = this.field;
    return body;
  }
}
