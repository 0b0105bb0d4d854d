/** Plans and apply results as plain-text tables for terminals and logs. */
import type { ApplyResult } from './apply.js';
import type { PlacementPlan, PlanAction } from './plan.js';

const actionLabels: Readonly<Record<PlanAction, string>> = {
  bind: '+ bind',
  rebind: '~ rebind',
  keep: '= keep',
  unbind: '- unbind',
  stale: '! stale',
};

/** Left-aligned columns separated by two spaces; the header is underlined. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function summary(plan: PlacementPlan): string {
  const count = (action: PlanAction) => plan.items.filter((item) => item.action === action).length;
  const parts = [
    `${count('bind')} to bind`,
    `${count('rebind')} to rebind`,
    `${count('unbind')} to unbind`,
    `${count('keep')} unchanged`,
  ];
  const stale = count('stale');
  if (stale > 0) parts.push(`${stale} stale (kept; use --prune / prune: true to remove)`);
  return parts.join(', ');
}

/** The plan as a table: action, placement, handler, app and what changed, then a summary line. */
export function formatPlan(plan: PlacementPlan): string {
  const rows = plan.items.map((item) => [
    actionLabels[item.action],
    item.placement,
    item.handler,
    item.app ?? '(not declared)',
    item.changes.join(', '),
  ]);
  const table = formatTable(['ACTION', 'PLACEMENT', 'HANDLER', 'APP', 'CHANGES'], rows);
  const verdict = plan.hasChanges ? summary(plan) : `Nothing to change. ${summary(plan)}`;
  return `${table}\n\n${verdict}`;
}

/** The result of apply: one row per item with its outcome, every error, and the verification. */
export function formatApplyResult(result: ApplyResult): string {
  const rows = result.items.map((item) => [
    actionLabels[item.action],
    item.placement,
    item.handler,
    item.app ?? '(not declared)',
    item.status === 'failed' ? `FAILED ${item.error?.code ?? ''}`.trim() : item.status,
  ]);
  const lines = [formatTable(['ACTION', 'PLACEMENT', 'HANDLER', 'APP', 'RESULT'], rows), ''];
  for (const item of result.items) if (item.error) lines.push(`error: ${item.error.message}`);
  if (result.verifyError) lines.push(`error: could not read the bindings back: ${result.verifyError}`);
  for (const m of result.mismatches) {
    const detail = m.changes.length > 0 ? ` (${m.changes.join(', ')})` : '';
    lines.push(`mismatch: ${m.placement} ${m.handler} is ${m.problem} on the portal after apply${detail}`);
  }
  lines.push(
    result.ok
      ? `OK: the portal matches the declarations (${result.requests} request(s)).`
      : `FAILED: the portal does not match the declarations (${result.requests} request(s)).`,
  );
  return lines.join('\n');
}
