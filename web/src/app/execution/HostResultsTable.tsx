import type { HostResult } from '../../client';
import { StatusBadge } from '../shared/StatusBadge';

export function HostResultsTable({ rows, caption }: { rows: readonly HostResult[]; caption: string }) {
  return (
    <table class="hosts" data-testid="host-results">
      <caption>{caption}</caption>
      <thead>
        <tr><th>Host</th><th>Status</th><th>OK</th><th>Changed</th><th>Failed</th><th>Unreachable</th><th>Skipped</th></tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.host} class={`hosts__row hosts__row--${row.status}`} data-host={row.host}>
            <td>{row.host}</td>
            <td><StatusBadge status={row.status} /></td>
            <td>{row.ok}</td>
            <td>{row.changed}</td>
            <td>{row.failed}</td>
            <td>{row.unreachable}</td>
            <td>{row.skipped}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function failedHostCount(rows: readonly HostResult[]): number {
  return rows.filter((row) => row.status === 'failed' || row.status === 'unreachable').length;
}
