/** `placement.bind/unbind/get/list` (HOST-PROTOCOL.md §2), validated with the frame package's chain. */
import { checkPlacementBind, placementCodes } from '@imkit/frame/placements';
import { MethodError } from '../../method-error.js';
import type { PortalBinding } from '../../state/portal-state.js';
import { requireApplication, requireApplicationAdmin } from '../application-auth.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { paramString } from '../param-readers.js';

function bind(call: MethodCall): true {
  requireApplicationAdmin(call);
  const checked = checkPlacementBind(call.params);
  if (!checked.ok) {
    const { status, error, error_description, argument } = checked.error;
    throw new MethodError(status, error, error_description, argument === undefined ? {} : { argument });
  }
  const { binding } = checked;
  const state = call.runtime.state;
  if (state.bindings.some((b) => b.placement === binding.placement && b.handler === binding.handler)) {
    throw new MethodError(400, 'ERROR_CORE', 'Unable to set placement handler: Handler already binded');
  }
  const stored: PortalBinding = { id: state.nextId.binding++, ...binding, userId: 0 };
  state.bindings.push(stored);
  call.runtime.changed();
  return true;
}

function unbind(call: MethodCall): { count: number } {
  requireApplicationAdmin(call);
  const placement = paramString(call.params.PLACEMENT).toUpperCase();
  if (placement === '') {
    throw new MethodError(400, 'ERROR_ARGUMENT', "Argument 'PLACEMENT' is null or empty", {
      argument: 'PLACEMENT',
    });
  }
  const handler = paramString(call.params.HANDLER);
  const state = call.runtime.state;
  const keep = state.bindings.filter(
    (b) => !(b.placement === placement && (handler === '' || b.handler === handler)),
  );
  const removed = state.bindings.length - keep.length;
  if (removed > 0) {
    state.bindings.splice(0, state.bindings.length, ...keep);
    call.runtime.changed();
  }
  return { count: removed * 2 };
}

function get(call: MethodCall): unknown[] {
  requireApplicationAdmin(call);
  return [...call.runtime.state.bindings]
    .sort((a, b) => a.id - b.id)
    .map((b) => ({
      placement: b.placement,
      userId: b.userId,
      handler: b.handler,
      options: b.options,
      title: b.title,
      description: b.description,
      langAll: b.langAll,
    }));
}

function list(call: MethodCall): string[] {
  requireApplication(call);
  return [...placementCodes];
}

export const placementMethods: MethodTable = {
  'placement.bind': { scope: 'placement', run: bind },
  'placement.unbind': { scope: 'placement', run: unbind },
  'placement.get': { scope: 'placement', run: get },
  'placement.list': { scope: 'placement', run: list },
};
