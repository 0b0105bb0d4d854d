/**
 * What an open-line chat's `entity_data_1` says. The host packs it as `|`-separated fields
 * (docs, DIALOG_ENTITY_DATA_1): 1 saved in CRM (Y/N), 2 CRM entity type, 3 CRM entity id,
 * 4 and 5 service data, 6 the open-line session id — e.g. `Y|DEAL|12|N|N|4|1635166080|0|0|0`.
 */
import { asId } from './json.js';

/** CRM entity types `imopenlines.crm.message.add` accepts (its CRM_ENTITY_TYPE, lower case). */
export const crmEntityTypes = ['lead', 'deal', 'company', 'contact'] as const;
export type CrmEntityType = (typeof crmEntityTypes)[number];

export interface CrmBinding {
  readonly entityType: CrmEntityType;
  readonly entityId: number;
}

export interface OpenLineData {
  /** The CRM entity the chat is bound to, or null when the chat is not saved in CRM. */
  readonly crm: CrmBinding | null;
  /** The open-line session id, or 0 when unknown. */
  readonly sessionId: number;
}

function isCrmEntityType(value: string): value is CrmEntityType {
  return (crmEntityTypes as readonly string[]).includes(value);
}

export function parseOpenLineData(entityData1: string): OpenLineData {
  const [saved, type = '', id, , , session] = entityData1.split('|');
  const entityType = type.toLowerCase();
  const entityId = asId(id);
  const crm = saved === 'Y' && isCrmEntityType(entityType) && entityId > 0 ? { entityType, entityId } : null;
  return { crm, sessionId: asId(session) };
}
