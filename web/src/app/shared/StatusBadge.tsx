import type { ExecutionStatus, HostOutcome, WorkflowNodeState } from '../../client';

export function StatusBadge({ status }: { status: ExecutionStatus | HostOutcome | WorkflowNodeState }) {
  return <span class={`badge badge--${status}`} data-status={status}>{status}</span>;
}

export function ProgressBar({ percentage, status }: { percentage: number; status: ExecutionStatus }) {
  const value = Math.max(0, Math.min(100, Math.round(percentage)));
  return (
    <span class={`progress progress--${status}`} role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
      <span class="progress__bar" style={{ width: `${value}%` }} />
      <span class="progress__label">{value}%</span>
    </span>
  );
}

/** The mark that sets a relaunch apart in lists and headers. */
export function RelaunchMark({ count, hosts }: { count: number; hosts: string | null }) {
  if (count <= 0) {
    return null;
  }
  const title = `Relaunch ${count} of the original${hosts === 'failed' ? ', failed hosts only' : ''}`;
  return <span class="relaunch-mark" title={title} data-relaunch={count}>↻ {count}{hosts === 'failed' ? ' failed' : ''}</span>;
}
