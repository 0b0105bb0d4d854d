/**
 * A request the server turns down: an HTTP status, a machine-readable code and the field at fault. Launch
 * refusals are shown as a short HTML page, API and event refusals as JSON.
 */
export class Refusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 503 | 504,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }

  toJSON(): { error: string; error_description: string; field?: string } {
    const body = { error: this.code, error_description: this.message };
    return this.field === undefined ? body : { ...body, field: this.field };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The short page a refused launch shows inside the portal's frame. */
export function refusalPage(refusal: Refusal): string {
  const field = refusal.field === undefined ? '' : ` <code>${escapeHtml(refusal.field)}</code>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Launch refused</title></head>
<body style="font:14px system-ui,sans-serif;margin:24px;color:#333">
<h1 style="font-size:18px">This app cannot be opened</h1>
<p>${escapeHtml(refusal.message)}${field}</p>
<p style="color:#888">Code: <code>${escapeHtml(refusal.code)}</code></p>
</body></html>
`;
}
