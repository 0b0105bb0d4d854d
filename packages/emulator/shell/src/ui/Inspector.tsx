/** The traffic inspector: frame messages in/out/rejected, legacy messages, REST calls, with warnings. */
import { useEffect, useState } from 'preact/hooks';
import type { TrafficEntry, TrafficKind } from '../inspector/traffic-log.js';
import { useController, useModel } from './shell-context.js';

const kindLabels: Record<TrafficKind, string> = {
  'frame-in': '→ host',
  'frame-out': '← app',
  'frame-rejected': '✕ rejected',
  'legacy-in': '→ host (legacy)',
  'legacy-out': '← app (legacy)',
  'legacy-rejected': '✕ rejected (legacy)',
  rest: 'REST',
};

function show(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Row({ entry }: { entry: TrafficEntry }) {
  const [open, setOpen] = useState(false);
  return (
    <li
      class={`traffic ${entry.kind}${entry.note ? ' noted' : ''}`}
      data-testid="traffic-entry"
      data-kind={entry.kind}
      onClick={() => setOpen(!open)}
    >
      <span class="time">{new Date(entry.at).toISOString().slice(11, 23)}</span>
      <span class="kind">{kindLabels[entry.kind]}</span>
      <span class="label">{entry.label}</span>
      <span class="source">{entry.source}</span>
      {entry.note && <span class="note">{entry.note}</span>}
      <code class={open ? 'payload open' : 'payload'}>
        {show(entry.payload)}
        {entry.reply !== undefined && ` ⇒ ${show(entry.reply)}`}
      </code>
    </li>
  );
}

export function Inspector() {
  const controller = useController();
  const { inspectorOpen } = useModel();
  const [entries, setEntries] = useState(controller.traffic.entries());
  useEffect(() => controller.traffic.subscribe(() => setEntries(controller.traffic.entries())), [controller]);
  if (!inspectorOpen) return null;
  return (
    <section class="inspector" data-testid="inspector">
      <header>
        <strong>Traffic</strong> <span class="muted">{entries.length} entries — click one to expand</span>
        <button onClick={() => controller.traffic.clear()}>Clear</button>
      </header>
      <ol>
        {[...entries].reverse().map((entry) => (
          <Row key={entry.id} entry={entry} />
        ))}
      </ol>
    </section>
  );
}
