/**
 * The open-line session panel: the dialog's CRM binding and operators, a canned automatic message,
 * a transfer to an operator or a queue, and finishing the session (after a confirmation). It only
 * collects input; the store checks it and calls the host.
 */
import { ErrorNotice, Loading, type Remote } from '@imkit/app-kit';
import { useState } from 'preact/hooks';
import { cannedMessages } from '../canned-messages.js';
import type { AutoMessageName, OpenLineSession, TransferTarget } from '../open-line-session.js';
import type { ActionState, SessionAction } from '../store.js';
import type { SidebarTranslate } from '../texts.js';

export interface SessionPanelProps {
  readonly session: Remote<OpenLineSession>;
  readonly action: ActionState;
  readonly t: SidebarTranslate;
  readonly lang: string;
  readonly onRetry: () => void;
  readonly onSend: (name: AutoMessageName, text: string) => void;
  readonly transferKind: TransferTarget['kind'];
  readonly transferId: string;
  readonly onTransferKind: (kind: TransferTarget['kind']) => void;
  readonly onTransferId: (idText: string) => void;
  readonly onPickOperator: () => void;
  readonly onTransfer: () => void;
  readonly onFinish: () => void;
}

const doneText = { message: 'autoMessageSent', transfer: 'transferred', finish: 'finished' } as const;

function ActionResult({
  action,
  only,
  t,
  lang,
}: {
  action: ActionState;
  only: SessionAction;
  t: SidebarTranslate;
  lang: string;
}) {
  if (action.status === 'idle' || action.status === 'running' || action.action !== only) return null;
  if (action.status === 'done')
    return (
      <p class="ik-ok" role="status">
        {t(doneText[only])}
      </p>
    );
  if (action.status === 'invalid') {
    const field = t(`field${action.problem.field}`);
    return (
      <p class="ik-bad" role="alert">
        {t(`problem${action.problem.code}`, { field })}
      </p>
    );
  }
  return <ErrorNotice error={action.error} lang={lang} />;
}

export function SessionPanel(props: SessionPanelProps) {
  const { session, action, t, lang } = props;
  const [canned, setCanned] = useState(cannedMessages[0]?.id ?? '');
  const [confirming, setConfirming] = useState(false);

  if (session.status === 'error')
    return <ErrorNotice error={session.error} lang={lang} onRetry={props.onRetry} />;
  if (session.status !== 'ready') return <Loading lang={lang}>{t('loadingSession')}</Loading>;
  const { data } = session;
  const busy = action.status === 'running';
  const chosen = cannedMessages.find((m) => m.id === canned) ?? cannedMessages[0];

  return (
    <section aria-labelledby="session" class="sb-session">
      <h2 id="session">{t('session')}</h2>
      <dl class="sb-facts">
        <dt>{t('sessionId')}</dt>
        <dd>{data.data.sessionId || '—'}</dd>
        <dt>{t('userCode')}</dt>
        <dd>{data.userCode || '—'}</dd>
        <dt>{t('crm')}</dt>
        <dd data-testid="crm-binding">
          {data.data.crm ? `${data.data.crm.entityType} #${data.data.crm.entityId}` : t('crmNone')}
        </dd>
        <dt>{t('operators')}</dt>
        <dd>{data.operators.length > 0 ? data.operators.map((id) => `#${id}`).join(', ') : '—'}</dd>
      </dl>

      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen) props.onSend(chosen.name, t(chosen.text));
        }}
      >
        <h3>{t('autoMessage')}</h3>
        {cannedMessages.map((m) => (
          <label key={m.id} class="sb-choice">
            <input
              type="radio"
              name="canned"
              value={m.id}
              checked={canned === m.id}
              onClick={() => setCanned(m.id)}
            />
            <span>
              {m.name === 'WELCOME' && <strong>{t('welcome')}: </strong>}
              {t(m.text)}
            </span>
          </label>
        ))}
        <div class="ik-row">
          <button type="submit" class="ik-primary" disabled={busy}>
            {t('autoMessageSend')}
          </button>
        </div>
        <ActionResult action={action} only="message" t={t} lang={lang} />
      </form>

      <form
        onSubmit={(event) => {
          event.preventDefault();
          props.onTransfer();
        }}
      >
        <h3>{t('transfer')}</h3>
        <div class="ik-row">
          {(['operator', 'queue'] as const).map((k) => (
            <label key={k} class="sb-choice">
              <input
                type="radio"
                name="transfer-kind"
                checked={props.transferKind === k}
                onClick={() => props.onTransferKind(k)}
              />
              <span>{t(k === 'operator' ? 'transferToOperator' : 'transferToQueue')}</span>
            </label>
          ))}
        </div>
        <div class="ik-row">
          <input
            aria-label={t('transferTarget')}
            inputMode="numeric"
            value={props.transferId}
            onInput={(e) => props.onTransferId(e.currentTarget.value)}
          />
          <button type="button" disabled={busy} onClick={props.onPickOperator}>
            {t('pickOperator')}
          </button>
          <button type="submit" disabled={busy}>
            {t('transferSend')}
          </button>
        </div>
        <ActionResult action={action} only="transfer" t={t} lang={lang} />
      </form>

      <div>
        <h3>{t('finish')}</h3>
        {confirming ? (
          <div class="ik-row">
            <span>{t('finishConfirm')}</span>
            <button
              class="ik-primary"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                props.onFinish();
              }}
            >
              {t('finishYes')}
            </button>
            <button onClick={() => setConfirming(false)}>{t('finishNo')}</button>
          </div>
        ) : (
          <button disabled={busy} onClick={() => setConfirming(true)}>
            {t('finish')}
          </button>
        )}
        <ActionResult action={action} only="finish" t={t} lang={lang} />
      </div>
    </section>
  );
}
