/** The top bar's "Reset" button and its confirm step: the portal back to its seed (`POST reset`). */
import { useState } from 'preact/hooks';
import { useController } from './shell-context.js';

export function ResetPortal() {
  const controller = useController();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const reset = async () => {
    setBusy(true);
    await controller.resetPortal();
    setBusy(false);
    setConfirming(false);
  };
  return (
    <>
      <button class="toggle" data-testid="reset-portal" onClick={() => setConfirming(true)}>
        <i class="fa fa-undo" /> Reset
      </button>
      {confirming && (
        <div class="overlay center reset-confirm" data-testid="reset-confirm">
          <div class="dialog-box" role="alertdialog" aria-labelledby="reset-title">
            <h2 id="reset-title">Reset the portal?</h2>
            <p>
              Messages, chats, placement bindings, legacy apps, tokens and options go back to the seed, and
              every open app closes. Bind your apps again afterwards (restart <code>pnpm dev</code> or run{' '}
              <code>pnpm placements apply</code>).
            </p>
            <div class="actions">
              <button
                class="primary danger"
                data-testid="reset-confirm-yes"
                disabled={busy}
                onClick={() => void reset()}
              >
                Reset portal
              </button>
              <button data-testid="reset-confirm-no" disabled={busy} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
