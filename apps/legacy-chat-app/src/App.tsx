import { useEffect, useState } from 'preact/hooks';
import type { ChatActions, LaunchSummary } from './chat-actions.js';
import type { SessionToken, WhoAmIResult } from './session.js';

export interface AppProps {
  readonly actions: ChatActions;
  readonly launch: LaunchSummary;
  readonly session: SessionToken | null;
  readonly whoAmI: (session: SessionToken) => Promise<WhoAmIResult>;
}

type Verification = { state: 'checking' } | WhoAmIResult;

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The legacy chat app: shows who the server verified this launch to be (through the session token,
 * never the launch hashes), and only then offers the old messenger's actions.
 */
export function App({ actions, launch, session, whoAmI }: AppProps) {
  const [verification, setVerification] = useState<Verification>(
    session === null ? { ok: false, error: 'NO_SESSION' } : { state: 'checking' },
  );
  const [text, setText] = useState('Hello from the legacy chat app');
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (session === null) return;
    let live = true;
    whoAmI(session).then((result) => {
      if (live) setVerification(result);
    });
    return () => {
      live = false;
    };
  }, [session, whoAmI]);

  const run = async (label: string, action: () => Promise<unknown> | unknown) => {
    setStatus(`${label}…`);
    try {
      await action();
      setStatus(`${label}: done`);
    } catch (error) {
      setStatus(`${label} failed: ${describeError(error)}`);
    }
  };

  const verified = 'ok' in verification && verification.ok ? verification.user : null;
  return (
    <main style={{ font: '14px system-ui, sans-serif', padding: '12px', color: '#333' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Legacy chat app</h1>
      {'state' in verification ? (
        <p data-testid="verification">Checking the launch with the server…</p>
      ) : verified ? (
        <p data-testid="verification">
          Verified by the server: user <b data-testid="user-id">{verified.userId}</b> on{' '}
          <b>{verified.domain}</b>
        </p>
      ) : (
        <p data-testid="verification" role="alert" style={{ color: '#b00' }}>
          Not verified: {verification.ok ? '' : verification.error}
        </p>
      )}
      <p style={{ color: '#777', margin: '4px 0 8px' }}>
        Opened from the {launch.context || 'chat'} in dialog {launch.dialogId || '—'} ({launch.lang || 'en'} —
        unverified: the launch does not sign the dialog)
      </p>
      <textarea
        aria-label="Message"
        rows={2}
        style={{ width: '100%', boxSizing: 'border-box' }}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <div style={{ display: 'flex', gap: '6px', flexWrap: 'wrap', marginTop: '6px' }}>
        <button
          disabled={!verified || text.trim() === ''}
          onClick={() => run('Send', () => actions.send(text))}
        >
          Send to chat
        </button>
        <button
          disabled={!verified || text.trim() === ''}
          onClick={() => run('Put', () => actions.put(text))}
        >
          Put into input
        </button>
        <button
          disabled={!verified || launch.dialogId === ''}
          onClick={() => run('Open dialog', () => actions.openDialog(launch.dialogId))}
        >
          Open dialog
        </button>
        <button onClick={() => run('Close', () => actions.close())}>Close</button>
      </div>
      <p data-testid="status" aria-live="polite" style={{ minHeight: '1.4em', color: '#555' }}>
        {status}
      </p>
    </main>
  );
}
