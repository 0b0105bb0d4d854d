/**
 * `@imkit/frame/messages`: the rules of `im.message.add`'s ATTACH, KEYBOARD and MENU — structure and
 * the 30 KB limit, with the host's error codes. Pure TypeScript for browser and Node; apps check before
 * sending, the emulator answers with the same rules. Not part of the browser entry `@imkit/frame`.
 */
export { type ButtonsField, buttonActions } from './button-rules.js';
export { checkAttach, checkKeyboard, checkMenu, checkMessagePayload } from './check-message-payload.js';
export type * from './message-payload-types.js';
export type {
  MessagePayloadErrorCode,
  MessagePayloadField,
  MessagePayloadProblem,
} from './payload-problem.js';
export { messagePayloadSizeLimit } from './payload-size.js';
export { type MessagePayloadRead, readMessagePayload } from './read-message-payload.js';
