/**
 * `@imkit/frame/messages`: the rules of `im.message.add`'s ATTACH, KEYBOARD and MENU — structure and
 * the 30 KB limit, with the host's error codes. Pure TypeScript for browser and Node; apps check before
 * sending, the emulator answers with the same rules. Not part of the browser entry `@imkit/frame`.
 */
export { attachProblem } from './attach-rules.js';
export { type ButtonsField, buttonActions, buttonsProblem } from './button-rules.js';
export { checkAttach, checkKeyboard, checkMenu, checkMessagePayload } from './check-message-payload.js';
export type * from './message-payload-types.js';
export {
  invalidPayload,
  type MessagePayloadErrorCode,
  type MessagePayloadField,
  type MessagePayloadProblem,
  oversizePayload,
} from './payload-problem.js';
export { encodedSize, messagePayloadSizeLimit } from './payload-size.js';
export { type MessagePayloadRead, readMessagePayload } from './read-message-payload.js';
