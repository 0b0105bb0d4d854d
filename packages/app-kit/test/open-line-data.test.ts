import { describe, expect, it } from 'vitest';
import { parseOpenLineData } from '../src/open-line-data.js';

describe('parseOpenLineData', () => {
  it('reads the CRM binding and the session id', () => {
    expect(parseOpenLineData('Y|DEAL|12|N|N|7|1635166080|0|0|0')).toEqual({
      crm: { entityType: 'deal', entityId: 12 },
      sessionId: 7,
    });
    expect(parseOpenLineData('Y|DEAL|12|N')).toEqual({
      crm: { entityType: 'deal', entityId: 12 },
      sessionId: 0,
    });
  });

  it('reads an unbound or malformed entity_data_1 as no CRM binding', () => {
    expect(parseOpenLineData('N|NONE|0|N|N|5|1635346774|0|0|0')).toEqual({ crm: null, sessionId: 5 });
    expect(parseOpenLineData('Y|SPACESHIP|3')).toEqual({ crm: null, sessionId: 0 });
    expect(parseOpenLineData('Y|DEAL|x')).toEqual({ crm: null, sessionId: 0 });
    expect(parseOpenLineData('')).toEqual({ crm: null, sessionId: 0 });
  });
});
