/** Every REST method the emulator answers, by lower-case name (method names are case-insensitive). */
import type { MethodTable, RestMethod } from './method-call.js';
import { eventMethods } from './methods/event-methods.js';
import { imMethods } from './methods/im-methods.js';
import { imbotAppMethods } from './methods/imbot-app-methods.js';
import { imopenlinesMethods } from './methods/imopenlines-methods.js';
import { placementMethods } from './methods/placement-methods.js';
import { userMethods } from './methods/user-methods.js';

const tables: readonly MethodTable[] = [
  placementMethods,
  imMethods,
  imopenlinesMethods,
  imbotAppMethods,
  userMethods,
  eventMethods,
];

const registry = new Map<string, RestMethod>();
for (const table of tables) {
  for (const [name, method] of Object.entries(table)) registry.set(name.toLowerCase(), method);
}

export function findMethod(name: string): RestMethod | undefined {
  return registry.get(name.toLowerCase());
}
