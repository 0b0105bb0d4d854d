/**
 * `bootApp('IM_TEXTAREA', (frame) => <App frame={frame} />)`: the whole of an app's `main.tsx`. Renders
 * `<FrameBoot>` with the real `connect()` into `#app` (or the given element).
 */
import { connect } from '@imkit/frame';
import type { PlacementCode } from '@imkit/frame/placements';
import { type ComponentChildren, render } from 'preact';
import { FrameBoot, type PlacementFrame } from './frame-boot.js';

export function bootApp<C extends PlacementCode>(
  placement: C,
  app: (frame: PlacementFrame<C>) => ComponentChildren,
  root: Element | null = document.getElementById('app'),
): void {
  if (!root) throw new Error('bootApp: the page has no element with id "app" to render into');
  render(
    <FrameBoot connect={connect} placement={placement}>
      {app}
    </FrameBoot>,
    root,
  );
}
