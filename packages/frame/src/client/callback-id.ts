/** A fresh, unguessable id for one frame call: 128 random bits in base 36 (letters and digits, never `:`). */
export function newCallbackId(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36)).join('');
}
