import {
  checkSwitchUpdate,
  requireSwitchUpdate,
  type SwitchRules,
  type SwitchUpdate,
} from './switch-update.js';

/**
 * Development aids: behaviour a Bitrix24 portal does not have, kept because it helps while developing.
 * Each is off unless switched on (`startEmulator({ devAids })`, the fixture's `devAids` option,
 * `POST /emulator/api/dev-aids`, or the shell's Faults panel), and is marked as not a portal behaviour
 * wherever it shows: the state (`devAids`), the inspector and the panel.
 */
export interface DevAids {
  /**
   * `placementBindEvent('message')` answered again on each new message of the open chat. On a portal the
   * IM placements report no events (`getInterface` → `{command: [], event: []}`, HOST-PROTOCOL.md §4).
   */
  placementEvents: boolean;
  /**
   * The placement launch body also carries `SERVER_ENDPOINT`, `APPLICATION_TOKEN` and `APPLICATION_SCOPE`,
   * as the docs list them; HOST-PROTOCOL.md §3 reads them as documented only, so they are off by default.
   * Switch on to test an app or server that relies on them (or must not break on them).
   */
  docsLaunchFields: boolean;
}

export const defaultDevAids: Readonly<DevAids> = { placementEvents: false, docsLaunchFields: false };

/** What each aid does that a portal does not; shown in the panel and the inspector. */
export const devAidNotes: Readonly<Record<keyof DevAids, string>> = {
  placementEvents:
    "placementBindEvent('message') is answered on each new chat message — a portal's IM placements report no events",
  docsLaunchFields:
    'placement launches also post SERVER_ENDPOINT, APPLICATION_TOKEN and APPLICATION_SCOPE — listed by the docs, not seen from the running host',
};

const flag = { rule: 'true or false', accepts: (value: unknown) => typeof value === 'boolean' };
const devAidRules: SwitchRules<DevAids> = { placementEvents: flag, docsLaunchFields: flag };

/** Checks a partial update; every given field must be a known aid with a boolean value. */
export const checkDevAids = (input: unknown): SwitchUpdate<DevAids> =>
  checkSwitchUpdate(input, devAidRules, 'a known development aid');

/** An update given in code; a TypeError names the bad field. */
export const requireDevAids = (input: unknown, where: string): Partial<DevAids> =>
  requireSwitchUpdate(input, devAidRules, 'a known development aid', where);
