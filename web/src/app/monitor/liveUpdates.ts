import {
  type Execution, type ExecutionFinished, type ExecutionProgressed, type ExecutionResultsParsed,
  type ExecutionStatus, type ExecutionStatusChanged, isTerminal,
} from '../../client';

/**
 * Applies the hub's pushes to an execution held on screen. Pushes can arrive late and out of order (status changes are
 * consumed concurrently; a snapshot may be read before a push that overtakes it): an execution only moves forward
 * through pending, waiting, running and its end, and progress stops moving once it ended.
 */

const STAGES: Record<ExecutionStatus, number> = {
  pending: 0, waiting: 1, running: 2, successful: 3, failed: 3, error: 3, canceled: 3,
};

/** True when `status` lies behind what is already held: a late push, to be ignored. */
function isBehind(held: ExecutionStatus, status: ExecutionStatus): boolean {
  return STAGES[status] < STAGES[held];
}

export function withStatus(execution: Execution, change: ExecutionStatusChanged): Execution {
  if (isBehind(execution.status, change.status)) {
    return execution;
  }
  return {
    ...execution,
    status: change.status,
    status_explanation: change.explanation ?? execution.status_explanation,
    awx_job_id: change.awx_job_id ?? execution.awx_job_id,
    started_at: execution.started_at ?? (change.status === 'running' ? change.changed_at : null),
    finished_at: execution.finished_at ?? (isTerminal(change.status) ? change.changed_at : null),
  };
}

export function withProgress(execution: Execution, progress: ExecutionProgressed): Execution {
  if (isTerminal(execution.status)) {
    return execution;
  }
  return { ...execution, progress_percentage: progress.progress_percentage, current_task: progress.current_task };
}

export function withFinished(execution: Execution, finished: ExecutionFinished): Execution {
  return {
    ...execution,
    status: finished.status,
    awx_job_id: execution.awx_job_id ?? finished.awx_job_id,
    final_counter: finished.final_counter,
    complete: finished.complete,
    missing_counters: finished.missing_counters,
    finished_at: execution.finished_at ?? finished.finished_at,
    progress_percentage: finished.status === 'successful' ? 100 : execution.progress_percentage,
  };
}

export function withResults(execution: Execution, results: ExecutionResultsParsed): Execution {
  return {
    ...execution,
    status: results.status,
    partial_success: results.partial_success,
    row_results: results.hosts,
    results_source: results.source,
    elapsed_seconds: results.elapsed_seconds ?? execution.elapsed_seconds,
  };
}

/** Replaces the execution with the same id by `update(it)`; the same array when none has that id. */
export function updateRow(rows: Execution[], executionId: string, update: (execution: Execution) => Execution): Execution[] {
  const index = rows.findIndex((row) => row.id === executionId);
  if (index < 0) {
    return rows;
  }
  const next = [...rows];
  next[index] = update(rows[index]!);
  return next;
}

/** Adds or replaces an execution, newest first, keeping at most `limit` rows. */
export function upsertRow(rows: Execution[], execution: Execution, limit: number): Execution[] {
  const others = rows.filter((row) => row.id !== execution.id);
  return [execution, ...others]
    .sort((a, b) => b.created_at.localeCompare(a.created_at))
    .slice(0, limit);
}

/**
 * The stored execution read for a subscriber may predate a push that overtook it: an execution on screen keeps the
 * further stage (running, or its end) over a snapshot that is behind it.
 */
export function withSnapshot(held: Execution | null, snapshot: Execution): Execution {
  if (held && isBehind(held.status, snapshot.status)) {
    return {
      ...snapshot,
      status: held.status,
      started_at: held.started_at ?? snapshot.started_at,
      finished_at: held.finished_at,
      progress_percentage: held.progress_percentage,
    };
  }
  return snapshot;
}
