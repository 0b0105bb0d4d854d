/**
 * Posts one app event to a handler the way the host does: one `application/x-www-form-urlencoded` POST,
 * bounded by a timeout, never retried (the host does not retry a failed delivery). Each outcome is
 * counted in the runtime's stats; the promise never rejects.
 */
import { type FormTree, phpForm } from './php-form.js';
import type { DeliveryStatus } from './portal-stats.js';
import type { EmulatorRuntime } from './runtime.js';

/** How long the portal waits for a handler's answer. */
export const deliveryTimeoutMs = 5_000;

export interface EventDelivery {
  readonly event: string;
  readonly handler: string;
  /** The form fields as posted (PHP-style keys). */
  readonly posted: Readonly<Record<string, string>>;
  /** The handler's HTTP status, or `failed` when it did not answer in time or could not be reached. */
  readonly status: DeliveryStatus;
}

export async function deliverEvent(
  runtime: EmulatorRuntime,
  handler: string,
  payload: FormTree & { readonly event: string },
): Promise<EventDelivery> {
  const form = phpForm(payload);
  let status: DeliveryStatus;
  try {
    const response = await fetch(handler, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'manual',
      signal: AbortSignal.timeout(deliveryTimeoutMs),
    });
    status = response.status;
    await response.body?.cancel();
  } catch {
    status = 'failed';
  }
  runtime.stats.eventDelivered(payload.event, status);
  return { event: payload.event, handler, posted: Object.fromEntries(form), status };
}
