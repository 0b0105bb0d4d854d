/**
 * The frame commands an app may post to the host (HOST-PROTOCOL.md §4), declared once. The browser
 * client (`client/frame.ts`, type-only), the emulator's shell (`command-policy.ts`: who answers, where
 * refused) and the emulator's portal side (`private-api/frame-commands.ts`: one handler per `host`
 * command) all read this table; test/host-model-consumers.test.ts fails when one of them disagrees.
 */

export interface FrameCommandSpec {
  /**
   * Who answers: `host` from portal state (the emulator: `POST /emulator/api/frame`), `shell` the host's
   * UI (the emulator's shell), `none` nobody — the host acts (opens a dialog, places a call) and never
   * replies, so a client only posts it.
   */
  readonly answeredBy: 'host' | 'shell' | 'none';
  /**
   * Where the host refuses it (silence, no reply): `im` in every IM_* placement, `slider` in placements
   * that open in a slider (the catalogue's `opensIn: 'slider'`); null when it is never refused.
   */
  readonly refusedIn: 'im' | 'slider' | null;
  /** The reply's shape, as the host sends it (`<callback>:` + JSON); `-` for the commands never answered. */
  readonly reply: string;
}

export const frameCommands = {
  getInitData: {
    answeredBy: 'host',
    refusedIn: null,
    reply: 'the launch (see initDataFields); FIRST_RUN true only on the first call',
  },
  refreshAuth: { answeredBy: 'host', refusedIn: null, reply: '{AUTH_ID, AUTH_EXPIRES, REFRESH_ID}' },
  setUserOption: { answeredBy: 'host', refusedIn: null, reply: '{name, value} (echo)' },
  setAppOption: { answeredBy: 'host', refusedIn: null, reply: 'every app option (admins only)' },
  setInstall: { answeredBy: 'host', refusedIn: null, reply: 'no result (`<callback>:`)' },
  setInstallFinish: {
    answeredBy: 'host',
    refusedIn: null,
    reply: 'no result (`<callback>:`); install page only',
  },
  resizeWindow: { answeredBy: 'shell', refusedIn: 'slider', reply: 'the measured {width, height}' },
  imCallTo: { answeredBy: 'none', refusedIn: null, reply: '-' },
  imPhoneTo: { answeredBy: 'none', refusedIn: null, reply: '-' },
  imOpenMessenger: { answeredBy: 'none', refusedIn: null, reply: '-' },
  imOpenHistory: { answeredBy: 'none', refusedIn: null, reply: '-' },
  openApplication: { answeredBy: 'shell', refusedIn: null, reply: 'when the opened slider closes' },
  openPath: {
    answeredBy: 'shell',
    refusedIn: null,
    reply: "{result:'close'} or {result:'error', errorCode:'PATH_NOT_AVAILABLE'}",
  },
  closeApplication: { answeredBy: 'none', refusedIn: null, reply: '-' },
  showAppForm: { answeredBy: 'shell', refusedIn: null, reply: 'when the form closes' },
  getInterface: { answeredBy: 'shell', refusedIn: null, reply: '{command:[], event:[]} for IM placements' },
  placementBindEvent: {
    answeredBy: 'shell',
    refusedIn: null,
    reply: 'the event data, on the same callback again for every event',
  },
  selectUser: { answeredBy: 'shell', refusedIn: null, reply: '{id, name, photo}, or an array with mult' },
  selectAccess: { answeredBy: 'shell', refusedIn: null, reply: 'the selected access codes' },
  selectCRM: { answeredBy: 'shell', refusedIn: null, reply: 'the selected CRM entities' },
  setTitle: { answeredBy: 'shell', refusedIn: 'im', reply: 'nothing in IM placements (refused)' },
  setScroll: { answeredBy: 'shell', refusedIn: 'im', reply: 'nothing in IM placements (refused)' },
  reloadWindow: { answeredBy: 'shell', refusedIn: 'im', reply: 'nothing in IM placements (refused)' },
  'im:getImTextareaContent': {
    answeredBy: 'shell',
    refusedIn: null,
    reply: '{text, requestId}, or {message, requestId} on failure',
  },
  'im:setImTextareaContent': {
    answeredBy: 'shell',
    refusedIn: null,
    reply: '{text, requestId}, or {message, requestId} on failure',
  },
} as const satisfies Readonly<Record<string, FrameCommandSpec>>;

/** Every frame command the host knows. Anything else is ignored silently (no reply). */
export type FrameCommandName = keyof typeof frameCommands;

/** The commands answered by `who` (`host`, `shell` or `none`). */
export type FrameCommandsAnsweredBy<Who extends FrameCommandSpec['answeredBy']> = {
  [M in FrameCommandName]: (typeof frameCommands)[M]['answeredBy'] extends Who ? M : never;
}[FrameCommandName];

/** The commands the host answers (from portal state or its UI). */
export type AnsweredFrameCommand = FrameCommandsAnsweredBy<'host' | 'shell'>;
/** The commands the host never answers: a client posts them and resolves at once. */
export type UnansweredFrameCommand = FrameCommandsAnsweredBy<'none'>;

export const frameCommandNames = Object.keys(frameCommands) as FrameCommandName[];

export function isFrameCommand(method: string): method is FrameCommandName {
  return Object.hasOwn(frameCommands, method);
}

/** Whether `method` is a command of the table answered by `who`. */
export function isFrameCommandAnsweredBy<Who extends FrameCommandSpec['answeredBy']>(
  method: string,
  who: Who,
): method is FrameCommandsAnsweredBy<Who> {
  return isFrameCommand(method) && frameCommands[method].answeredBy === who;
}

/** The commands answered by `who`, in table order. */
export function frameCommandsAnsweredBy<Who extends FrameCommandSpec['answeredBy']>(
  who: Who,
): FrameCommandsAnsweredBy<Who>[] {
  return frameCommandNames.filter(
    (name): name is FrameCommandsAnsweredBy<Who> => frameCommands[name].answeredBy === who,
  );
}
