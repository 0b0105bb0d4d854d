/**
 * `@imkit/frame/placements`: the placement catalogue as data, the host's `placement.bind` validation,
 * placement declarations and visibility. Shared by apps, the emulator and the installer.
 */
export * from './catalog.js';
export * from './declaration.js';
export { hostJson } from './host-json.js';
export * from './validate.js';
export * from './visibility.js';
