/** Methods that work only with an application's OAuth token (not a webhook), some for admins only. */
import { MethodError } from '../method-error.js';
import type { MethodCall } from './method-call.js';

export function requireApplication(call: MethodCall): void {
  if (call.auth.kind !== 'application') {
    throw new MethodError(
      403,
      'WRONG_AUTH_TYPE',
      'Current authorization type is denied for this method Application context required',
    );
  }
}

export function requireApplicationAdmin(call: MethodCall): void {
  requireApplication(call);
  if (!call.auth.user.isAdmin) throw new MethodError(403, 'ACCESS_DENIED', 'Access denied!');
}
