import { describe, expect, it } from 'vitest';
import { execution } from '../../test/executions';
import { upsertRow, updateRow, withProgress, withResults, withSnapshot, withStatus } from './liveUpdates';

const change = (status: 'running' | 'successful' | 'waiting') => ({
  execution_id: 'e1', status, previous_status: 'running' as const, explanation: null, awx_job_id: 42, changed_at: '2026-11-26T08:05:00Z',
});

describe('live updates', () => {
  it('moves the status and records when the execution ended', () => {
    const ended = withStatus(execution(), change('successful'));
    expect(ended.status).toBe('successful');
    expect(ended.finished_at).toBe('2026-11-26T08:05:00Z');
  });

  it('never moves an ended execution back to running, nor its progress', () => {
    const ended = execution({ status: 'failed', progress_percentage: 60 });
    expect(withStatus(ended, change('running'))).toBe(ended);
    expect(withProgress(ended, { execution_id: 'e1', progress_percentage: 80, current_task: 'x', watermark: 9 })).toBe(ended);
    expect(withSnapshot(ended, execution({ status: 'running' })).status).toBe('failed');
  });

  it('keeps a running execution running when a late waiting change or an older snapshot arrives', () => {
    const running = withStatus(execution({ status: 'waiting', started_at: null }), change('running'));
    expect(running.status).toBe('running');
    expect(withStatus(running, change('waiting'))).toBe(running);
    const snapshot = withSnapshot(running, execution({ status: 'waiting', started_at: null, current_task: 'Push' }));
    expect(snapshot.status).toBe('running');
    expect(snapshot.started_at).toBe('2026-11-26T08:05:00Z');
    expect(snapshot.current_task).toBe('Push');
  });

  it('takes results and the partial-success flag', () => {
    const parsed = withResults(execution({ status: 'successful' }), {
      execution_id: 'e1', status: 'successful', partial_success: true, source: 'artifacts', elapsed_seconds: 12.5,
      hosts: [{ host: 'a', status: 'failed', ok: 1, changed: 0, failed: 1, unreachable: 0, skipped: 0 }],
    });
    expect(parsed.partial_success).toBe(true);
    expect(parsed.row_results).toHaveLength(1);
    expect(parsed.elapsed_seconds).toBe(12.5);
  });

  it('updates only the row with the id, and keeps the same array for an unknown id', () => {
    const rows = [execution({ id: 'a' }), execution({ id: 'b' })];
    expect(updateRow(rows, 'c', (row) => row)).toBe(rows);
    expect(updateRow(rows, 'b', (row) => ({ ...row, progress_percentage: 99 }))[1]!.progress_percentage).toBe(99);
  });

  it('inserts newest first within the page size', () => {
    const rows = [execution({ id: 'old', created_at: '2026-11-26T07:00:00Z' }), execution({ id: 'older', created_at: '2026-11-26T06:00:00Z' })];
    const next = upsertRow(rows, execution({ id: 'new', created_at: '2026-11-26T09:00:00Z' }), 2);
    expect(next.map((row) => row.id)).toEqual(['new', 'old']);
  });
});
