/**
 * The CRM entity an open-line chat is bound to, read from its `entity_data_1`. The host packs it as
 * `|`-separated fields (docs, DIALOG_ENTITY_DATA_1): 1 saved in CRM (Y/N), 2 CRM entity type,
 * 3 CRM entity id, … — e.g. `Y|DEAL|12|N|N|4|1635166080|0|0|0`.
 */

/** CRM entity types `imopenlines.crm.message.add` accepts (its CRM_ENTITY_TYPE, lower case). */
export const crmEntityTypes = ['lead', 'deal', 'company', 'contact'] as const;
export type CrmEntityType = (typeof crmEntityTypes)[number];

export interface CrmBinding {
  readonly entityType: CrmEntityType;
  readonly entityId: number;
}

function isCrmEntityType(value: string): value is CrmEntityType {
  return (crmEntityTypes as readonly string[]).includes(value);
}

/** The binding, or null when the chat is not saved in CRM or the field cannot be read. */
export function parseCrmBinding(entityData1: string): CrmBinding | null {
  const [saved, type = '', id = ''] = entityData1.split('|');
  const entityType = type.toLowerCase();
  const entityId = /^\d+$/.test(id) ? Number(id) : 0;
  if (saved !== 'Y' || !isCrmEntityType(entityType) || !Number.isSafeInteger(entityId) || entityId <= 0) {
    return null;
  }
  return { entityType, entityId };
}
