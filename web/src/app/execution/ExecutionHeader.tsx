import type { Execution } from '../../client';
import { formatTime } from '../shared/format';
import { followLink } from '../shared/router';
import { ProgressBar, RelaunchMark, StatusBadge } from '../shared/StatusBadge';

export function ExecutionHeader({ execution }: { execution: Execution }) {
  return (
    <header class="execution-header">
      <a class="back" href="/" onClick={(event) => followLink(event, '/')}>← Executions</a>
      <div class="execution-header__title">
        <h1 data-testid="template-name">{execution.template.name}</h1>
        <span class="awx-job" title="AWX job id">{execution.awx_job_id === null ? 'no AWX job yet' : `AWX job #${execution.awx_job_id}`}</span>
        <StatusBadge status={execution.status} />
        <RelaunchMark count={execution.relaunch_count} hosts={execution.relaunch_hosts} />
        {execution.partial_success && <span class="partial-mark" title="AWX reports success, but some hosts failed">hosts failed</span>}
        {execution.template.kind === 'workflow' && <span class="kind-mark">workflow</span>}
      </div>
      <div class="execution-header__progress">
        <ProgressBar percentage={execution.progress_percentage} status={execution.status} />
        {execution.current_task && <span class="current-task" title="Current task">{execution.current_task}</span>}
      </div>
      <dl class="execution-header__facts">
        <div><dt>Launched by</dt><dd>{execution.launched_by}</dd></div>
        <div><dt>Created</dt><dd>{formatTime(execution.created_at)}</dd></div>
        <div><dt>Started</dt><dd>{formatTime(execution.started_at)}</dd></div>
        {execution.limit && <div><dt>Limit</dt><dd>{execution.limit}</dd></div>}
      </dl>
      {execution.status_explanation && <p class="explanation">{execution.status_explanation}</p>}
      {execution.complete === false && (
        <p class="explanation explanation--warning">
          {execution.missing_counters?.length
            ? `AWX never made ${execution.missing_counters.length} event(s) visible; the output is incomplete (missing counters ${execution.missing_counters.slice(0, 10).join(', ')}${execution.missing_counters.length > 10 ? ', …' : ''}).`
            : 'AWX never confirmed it had processed every event; the output may be incomplete.'}
        </p>
      )}
    </header>
  );
}
