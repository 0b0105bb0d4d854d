/**
 * `<FrameBoot connect={connect} placement="IM_TEXTAREA">{(frame) => <App frame={frame} />}</FrameBoot>`:
 * connects to the host once, shows "connecting", "open this from Bitrix24" (NOT_FRAMED) or the failure in
 * plain words, checks the frame was launched in the expected placement, keeps the frame's height fitted
 * where the placement can resize, and disposes the frame on unmount.
 */
import type { Frame, PlacementContext } from '@imkit/frame';
import { type PlacementCode, placementCatalog } from '@imkit/frame/placements';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { toErrorInfo } from './error-info.js';
import { kitTexts, launchLanguage } from './kit-texts.js';
import { describeRestError } from './rest-error-text.js';

/** A frame whose context is narrowed to one placement (`context.options.dialogId` is typed). */
export type PlacementFrame<C extends PlacementCode> = Omit<Frame, 'context'> & {
  readonly context: Extract<PlacementContext, { placement: C }>;
};

export interface FrameBootProps<C extends PlacementCode> {
  /** `connect` from `@imkit/frame` (tests pass a fake). */
  readonly connect: () => Promise<Frame>;
  /** The placement the app is declared for; any other launch shows an error. */
  readonly placement: C;
  /** Keep the frame's height fitted to the page where the placement honours resize. Default true. */
  readonly autoResize?: boolean;
  readonly children: (frame: PlacementFrame<C>) => ComponentChildren;
}

type BootState<C extends PlacementCode> =
  | { readonly step: 'connecting' }
  | { readonly step: 'ready'; readonly frame: PlacementFrame<C> }
  | { readonly step: 'failed'; readonly error: unknown };

function isPlacement<C extends PlacementCode>(
  frame: Frame,
  placement: C,
): frame is Frame & PlacementFrame<C> {
  return frame.context.placement === placement;
}

export function FrameBoot<C extends PlacementCode>(props: FrameBootProps<C>) {
  const { connect, placement, autoResize = true, children } = props;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<BootState<C>>({ step: 'connecting' });

  useEffect(() => {
    let live = true;
    let cleanup = (): void => {};
    setState({ step: 'connecting' });
    connect().then(
      (frame) => {
        if (!live) return frame.dispose();
        if (!isPlacement(frame, placement)) {
          const actual = frame.context.placement;
          frame.dispose();
          const t = kitTexts(frame.context.lang);
          return setState({
            step: 'failed',
            error: {
              code: 'WRONG_PLACEMENT',
              description: t('wrongPlacement', { expected: placement, actual }),
            },
          });
        }
        const stopResize =
          autoResize && placementCatalog[placement].canResize ? frame.autoResize() : () => {};
        cleanup = () => {
          stopResize();
          frame.dispose();
        };
        setState({ step: 'ready', frame });
      },
      (error: unknown) => {
        if (live) setState({ step: 'failed', error });
      },
    );
    return () => {
      live = false;
      cleanup();
    };
  }, [connect, placement, autoResize, attempt]);

  if (state.step === 'ready') return <>{children(state.frame)}</>;
  const lang = launchLanguage();
  const t = kitTexts(lang);
  if (state.step === 'connecting') {
    return (
      <p class="ik-state" role="status" aria-busy="true">
        {t('connecting')}
      </p>
    );
  }
  const { code } = toErrorInfo(state.error);
  if (code === 'NOT_FRAMED') {
    return (
      <div class="ik-state ik-outside" role="alert">
        <p>
          <strong>{t('notFramed')}</strong>
        </p>
        <p>{t('notFramedHint')}</p>
      </div>
    );
  }
  return (
    <div class="ik-state ik-error" role="alert">
      <p>{t('failed', { reason: describeRestError(state.error, lang) })}</p>
      {code !== 'WRONG_PLACEMENT' && <button onClick={() => setAttempt(attempt + 1)}>{t('retry')}</button>}
    </div>
  );
}
