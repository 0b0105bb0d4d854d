/** user.current, user.get, profile and app.info. */
import type { PortalUser } from '../../state/portal-state.js';
import { ListResult } from '../list-result.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { paramInt, paramString } from '../param-readers.js';
import { isTree } from '../php-params.js';

/** The portal's own dates, fixed so answers stay reproducible (format as in the docs' user.current). */
const registeredAt = '2024-01-15T09:00:00+00:00';

function restUserView(user: PortalUser): Record<string, unknown> {
  return {
    ID: String(user.id),
    XML_ID: '',
    ACTIVE: true,
    NAME: user.name,
    LAST_NAME: user.lastName,
    SECOND_NAME: '',
    EMAIL: user.email,
    LAST_LOGIN: registeredAt,
    DATE_REGISTER: registeredAt,
    LAST_ACTIVITY_DATE: '2024-01-15 09:00:00',
    PERSONAL_GENDER: user.gender,
    PERSONAL_BIRTHDAY: '',
    PERSONAL_PHOTO: '',
    WORK_POSITION: user.workPosition,
    IS_ONLINE: 'Y',
    TIME_ZONE_OFFSET: '0',
    UF_EMPLOYMENT_DATE: '',
    UF_DEPARTMENT: user.isExtranet || user.isBot ? [] : [1],
    USER_TYPE: user.isExtranet ? 'extranet' : user.isBot ? 'bot' : 'employee',
  };
}

function userCurrent(call: MethodCall): Record<string, unknown> {
  return restUserView(call.auth.user);
}

function profile(call: MethodCall): Record<string, unknown> {
  const user = call.auth.user;
  return {
    ID: user.id,
    ADMIN: user.isAdmin,
    NAME: user.name,
    LAST_NAME: user.lastName,
    PERSONAL_GENDER: user.gender,
    PERSONAL_PHOTO: '',
    TIME_ZONE: '',
    TIME_ZONE_OFFSET: 0,
  };
}

const pageSize = 50;

function userGet(call: MethodCall): ListResult {
  const filter = isTree(call.params.FILTER) ? call.params.FILTER : call.params;
  const id = filter.ID === undefined ? null : paramInt(filter.ID);
  const userType = filter.USER_TYPE === undefined ? null : paramString(filter.USER_TYPE);
  const all = call.runtime.state.users
    .filter((user) => !user.isBot)
    .map(restUserView)
    .filter((user) => id === null || user.ID === String(id))
    .filter((user) => userType === null || user.USER_TYPE === userType);
  const start = Math.max(0, paramInt(call.params.start));
  const page = all.slice(start, start + pageSize);
  return new ListResult(page, all.length, start + pageSize < all.length ? start + pageSize : null);
}

function appInfo(call: MethodCall): Record<string, unknown> {
  const portal = call.runtime.state.portal;
  return {
    ID: 1,
    CODE: portal.appCode,
    VERSION: 1,
    STATUS: 'L',
    INSTALLED: portal.installed,
    PAYMENT_EXPIRED: 'N',
    DAYS: null,
    LANGUAGE_ID: portal.lang,
    LICENSE: `${portal.lang}_project`,
    LICENSE_TYPE: 'project',
    LICENSE_FAMILY: 'project',
  };
}

export const userMethods: MethodTable = {
  'user.current': { scope: 'user', run: userCurrent },
  'user.get': { scope: 'user', run: userGet },
  profile: { scope: null, run: profile },
  'app.info': { scope: null, run: appInfo },
};
