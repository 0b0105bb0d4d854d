/**
 * What the scale part installs: the five sample apps' placements (`apps/im-*\/placement.ts`) under the
 * fleet's one public handler base, the same for every process behind the (imagined) balancer.
 */
import { toBindParams } from '@imkit/frame/placements';
import type { AppDeclaration } from '@imkit/installer';
import { loadDeclarations } from '@imkit/installer/node';
import { appsDir, sampleApps } from '../repo-paths.js';
import type { BindingKey } from './scale-figures.js';

/** Where the portal opens the apps; a name only (bindings store it), nothing listens there. */
export const fleetHandlerBase = 'https://scale.example.com/';

export async function scaleDeclarations(): Promise<readonly AppDeclaration[]> {
  const sample = new Set<string>(sampleApps);
  const declarations = (await loadDeclarations(appsDir, fleetHandlerBase)).filter((d) => sample.has(d.app));
  if (declarations.length !== sampleApps.length)
    throw new Error(
      `scale: expected the placements of ${sampleApps.join(', ')}, found ${declarations.map((d) => d.app).join(', ')}`,
    );
  return declarations;
}

/** The (placement, handler) pair each declaration binds. */
export function declaredBindings(declarations: readonly AppDeclaration[]): BindingKey[] {
  return declarations.map(({ declaration }) => {
    const params = toBindParams(declaration, fleetHandlerBase);
    return { placement: String(params.PLACEMENT), handler: String(params.HANDLER) };
  });
}
