/** Short notices: calls, emulator errors, things the emulator does not do. */
import { useModel } from './shell-context.js';

export function Toasts() {
  const { toasts } = useModel();
  return (
    <div class="toasts" data-testid="toasts">
      {toasts.map((toast) => (
        <div key={toast.id} class="toast" data-testid="toast">
          {toast.text}
        </div>
      ))}
    </div>
  );
}
