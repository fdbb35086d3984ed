import { useState } from 'preact/hooks';
import { EXECUTION_STATUSES, type ExecutionFilters, type ExecutionStatus } from '../../client';
import { localDateTime } from '../shared/format';

const RANGES: { label: string; hours: number }[] = [
  { label: 'Last 24 h', hours: 24 },
  { label: '7 days', hours: 24 * 7 },
  { label: '30 days', hours: 24 * 30 },
];

/** `datetime-local` values are local time; the API takes ISO 8601. */
function toIso(local: string): string {
  return local ? new Date(local).toISOString() : '';
}

function toLocal(iso: string | undefined): string {
  const date = iso ? new Date(iso) : null;
  return date && !Number.isNaN(date.getTime()) ? localDateTime(date, 'input') : '';
}

export function MonitorFilters({ filters, onApply }: { filters: ExecutionFilters; onApply: (filters: ExecutionFilters) => void }) {
  const [draft, setDraft] = useState<ExecutionFilters>(filters);
  const set = (name: keyof ExecutionFilters, value: string) => setDraft({ ...draft, [name]: value });
  return (
    <form
      class="filters"
      aria-label="Filters"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <label>
        Status
        <select value={draft.status ?? ''} onChange={(event) => set('status', event.currentTarget.value as ExecutionStatus | '')}>
          <option value="">All</option>
          {EXECUTION_STATUSES.map((status) => <option value={status}>{status}</option>)}
        </select>
      </label>
      <label>
        Template id
        <input type="number" min="1" value={draft.template ?? ''} placeholder="AWX id" onInput={(event) => set('template', event.currentTarget.value)} />
      </label>
      <label>
        Launched by
        <input type="text" value={draft.launched_by ?? ''} onInput={(event) => set('launched_by', event.currentTarget.value)} />
      </label>
      <label>
        From
        <input type="datetime-local" value={toLocal(draft.created_after)} onInput={(event) => set('created_after', toIso(event.currentTarget.value))} />
      </label>
      <label>
        To
        <input type="datetime-local" value={toLocal(draft.created_before)} onInput={(event) => set('created_before', toIso(event.currentTarget.value))} />
      </label>
      <span class="ranges">
        {RANGES.map((range) => (
          <button
            type="button"
            onClick={() => {
              const next = { ...draft, created_after: new Date(Date.now() - range.hours * 3_600_000).toISOString(), created_before: '' };
              setDraft(next);
              onApply(next);
            }}
          >
            {range.label}
          </button>
        ))}
      </span>
      <label class="filters__search">
        Search in output
        <input type="search" value={draft.q ?? ''} placeholder="text in any line" onInput={(event) => set('q', event.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">Apply</button>
      <button type="button" onClick={() => { setDraft({}); onApply({}); }}>Clear</button>
    </form>
  );
}
