/** The generated `placement.ts`: the app's one placement declaration, read by the installer and the emulator. */
import { type PlacementCode, placementCatalog } from '@imkit/frame/placements';
import type { AppSpec } from '../app-spec.js';
import { tsString } from './source-text.js';

function optionLines(spec: AppSpec): string[] {
  // The host's chain order, so the file reads like the catalogue.
  return placementCatalog[spec.placement].options.flatMap((name) => {
    const value = spec.options[name];
    if (value === undefined) return [];
    return [`    ${name}: ${typeof value === 'number' ? String(value) : tsString(value)},`];
  });
}

const contextNote: Readonly<Record<PlacementCode, string>> = {
  IM_NAVIGATION: 'no chat context (the frame gets no dialogId)',
  IM_TEXTAREA: "the open chat's dialogId",
  IM_SIDEBAR: "the open chat's dialogId",
  IM_CONTEXT_MENU: "the message's messageId and its chat's dialogId",
  IM_SMILES_SELECTOR: "the open chat's dialogId",
};

export function placementFile(spec: AppSpec): string {
  const spec_ = placementCatalog[spec.placement];
  const description =
    spec.description === '' ? [] : ['  description: {', `    en: ${tsString(spec.description)},`, '  },'];
  const options = optionLines(spec);
  return [
    '/**',
    " * The one place this app's placement is declared; the installer and the emulator read it.",
    ` * ${spec.placement}: ${spec_.openedFrom}; the frame gets ${contextNote[spec.placement]}.`,
    ...(spec_.deprecated ? [` * ${spec_.deprecated}`] : []),
    ' */',
    "import { definePlacement } from '@imkit/frame/placements';",
    '',
    'export default definePlacement({',
    `  placement: '${spec.placement}',`,
    `  handler: '${spec.name}/',`,
    '  title: {',
    `    en: ${tsString(spec.title)},`,
    '  },',
    ...description,
    ...(options.length === 0 ? ['  options: {},'] : ['  options: {', ...options, '  },']),
    '});',
    '',
  ].join('\n');
}
