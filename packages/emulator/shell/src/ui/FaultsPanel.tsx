/**
 * The top bar's "Faults" toggle and panel: added REST latency, the next N REST calls forced to 503
 * QUERY_LIMIT_EXCEEDED, the TTL of new tokens, and the execution time each call counts toward the host's
 * operating-time limit (429 OPERATION_TIME_LIMIT). Shows the live values from the portal state; only
 * the fields you edit are sent (`POST faults`), so a 503 counter that is running down is not re-armed.
 */
import { useState } from 'preact/hooks';
import { devAidNotes } from '../../../src/portal/dev-aids.js';
import { faultLimits } from '../../../src/portal/faults.js';
import type { DevAids, Faults } from '../../../src/private-api/contract.js';
import { useController, useModel } from './shell-context.js';

type FaultName = keyof Faults;

const faultLabels: Record<FaultName, { label: string; unit: string }> = {
  latencyMs: { label: 'Added latency per REST call', unit: 'ms' },
  fail503Count: { label: 'Next REST calls answered 503 QUERY_LIMIT_EXCEEDED', unit: 'calls' },
  tokenTtlSeconds: { label: 'Lifetime of new tokens', unit: 's' },
  operatingMsPerCall: {
    label: 'Execution time counted per REST call (480 s of one method → 429)',
    unit: 'ms',
  },
};

const faultFields = Object.fromEntries(
  Object.entries(faultLabels).map(([name, text]) => [name, { ...text, ...faultLimits[name as FaultName] }]),
) as Record<FaultName, { label: string; unit: string; min: number; max: number }>;

const faultNames = Object.keys(faultFields) as FaultName[];

/** The edited fields as integers, or the first field that is not one within its range. */
function readDrafts(
  drafts: Partial<Record<FaultName, string>>,
): { change: Partial<Faults> } | { error: string } {
  const change: Partial<Record<FaultName, number>> = {};
  for (const name of faultNames) {
    const text = drafts[name];
    if (text === undefined) continue;
    const { label, min, max } = faultFields[name];
    const value = Number(text);
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max)
      return { error: `${label} (${name}) must be a whole number from ${min} to ${max}` };
    change[name] = value;
  }
  return { change };
}

export function FaultsPanel() {
  const controller = useController();
  const { portal } = useModel();
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<Partial<Record<FaultName, string>>>({});
  const [error, setError] = useState<string | null>(null);
  if (!portal) return null;
  const { faults } = portal;
  const active =
    faults.latencyMs > 0 ||
    faults.fail503Count > 0 ||
    faults.tokenTtlSeconds !== 3600 ||
    faults.operatingMsPerCall > 0 ||
    Object.values(portal.devAids).some(Boolean);
  const apply = async () => {
    const read = readDrafts(drafts);
    if ('error' in read) {
      setError(read.error);
      return;
    }
    const failure = await controller.setFaults(read.change);
    setError(failure);
    if (failure === null) setDrafts({});
  };
  return (
    <>
      <button
        class={open ? 'toggle on' : 'toggle'}
        data-testid="faults-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        <i class="fa fa-bolt" /> Faults{active && <span class="fault-dot" title="a fault switch is on" />}
      </button>
      {open && (
        <section class="faults-panel" data-testid="faults-panel" aria-label="Fault switches">
          <h2>Fault switches</h2>
          {faultNames.map((name) => {
            const field = faultFields[name];
            return (
              <label key={name} class="fault-row">
                <span>{field.label}</span>
                <input
                  type="number"
                  data-testid={`fault-${name}`}
                  min={field.min}
                  max={field.max}
                  step={1}
                  value={drafts[name] ?? String(faults[name])}
                  onInput={(event) => setDrafts({ ...drafts, [name]: event.currentTarget.value })}
                />
                <span class="muted">{field.unit}</span>
                <output data-testid={`fault-current-${name}`} title="current value">
                  {faults[name]}
                </output>
              </label>
            );
          })}
          <h2>Development aids</h2>
          <p class="muted">
            Not portal behaviour: an app that relies on them works here and not on a portal.
          </p>
          {(Object.keys(devAidNotes) as (keyof DevAids)[]).map((name) => (
            <label key={name} class="fault-row dev-aid">
              <input
                type="checkbox"
                data-testid={`dev-aid-${name}`}
                checked={portal.devAids[name]}
                onChange={(event) =>
                  void controller
                    .setDevAids({ [name]: event.currentTarget.checked })
                    .then((failure) => setError(failure))
                }
              />
              <span>{devAidNotes[name]}</span>
            </label>
          ))}
          {error && (
            <p class="fault-error" role="alert" data-testid="faults-error">
              {error}
            </p>
          )}
          <div class="actions">
            <button
              class="primary"
              data-testid="faults-apply"
              disabled={Object.keys(drafts).length === 0}
              onClick={() => void apply()}
            >
              Apply
            </button>
            <button
              onClick={() => {
                setDrafts({});
                setError(null);
                setOpen(false);
              }}
            >
              Close
            </button>
          </div>
        </section>
      )}
    </>
  );
}
