/** The 30 KB limit: "Maximum permissible … size was exceeded (30 Kb)", measured on the JSON encoding. */

export const messagePayloadSizeLimit = 30 * 1024;

/** UTF-8 bytes of the value's JSON, or null when it has no JSON form (cycles, BigInt, functions). */
export function encodedSize(value: unknown): number | null {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return null;
  }
  return json === undefined ? null : new TextEncoder().encode(json).length;
}
