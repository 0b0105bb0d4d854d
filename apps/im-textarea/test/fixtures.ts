/** A fake IM_TEXTAREA frame whose REST answers look like the host's. */
import { createFakeFrame, type RestHandler } from '@imkit/app-kit/testing';
import { RestError } from '@imkit/frame';

export function denied(method: string): never {
  throw new RestError({ code: 'ACCESS_ERROR', description: 'No access', status: 403, method });
}

export const portalRest: Record<string, RestHandler> = {
  'im.dialog.get': ({ DIALOG_ID }) =>
    DIALOG_ID === 'chat12'
      ? { id: 12, title: 'Product launch', type: 'chat' }
      : { id: 1, name: 'Boris Berg', type: 'private' },
  'user.current': () => ({ ID: '1', NAME: 'Anna', LAST_NAME: 'Admin' }),
  'im.user.get': ({ ID }) =>
    ID === 2 ? { id: 2, name: 'Boris Berg', first_name: 'Boris' } : denied('im.user.get'),
};

export interface TextareaFrameSetup {
  readonly dialogId?: string;
  readonly lang?: string;
  readonly rest?: Record<string, RestHandler>;
  readonly userOptions?: Record<string, string>;
  readonly textarea?: string;
}

export function textareaFrame(setup: TextareaFrameSetup = {}) {
  return createFakeFrame({
    placement: 'IM_TEXTAREA',
    options: { dialogId: setup.dialogId ?? 'chat12' },
    lang: setup.lang ?? 'en',
    rest: { ...portalRest, ...setup.rest },
    userOptions: setup.userOptions ?? {},
    textarea: setup.textarea ?? '',
  });
}

/** 22 November 2026, noon UTC. */
export const today = () => new Date(Date.UTC(2026, 10, 22, 12));
