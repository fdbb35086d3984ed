import { useEffect, useRef, useState } from 'preact/hooks';
import { type Execution, type ExecutionFilters, type Pagination, isTerminal } from '../../client';
import { elapsedSeconds, formatCount, formatDuration, formatTime } from '../shared/format';
import { useNow } from '../shared/hooks';
import { followLink, navigate } from '../shared/router';
import { describeError, useServices } from '../shared/services';
import { ProgressBar, RelaunchMark, StatusBadge } from '../shared/StatusBadge';
import { upsertRow, updateRow, withFinished, withProgress, withResults, withStatus } from './liveUpdates';
import { MonitorFilters } from './MonitorFilters';
import { hasFilters, matchesFilters, readMonitorQuery, writeMonitorQuery } from './monitorFilters';

export const PER_PAGE = 25;

interface ListState {
  rows: Execution[];
  pagination: Pagination | null;
  loading: boolean;
  error: string | null;
}

/** Running and recent executions at `/`, filtered and paged by the server, kept current by the monitor subscription. */
export function MonitorPage({ search }: { search: string }) {
  const services = useServices();
  const { filters, page } = readMonitorQuery(search);
  const [state, setState] = useState<ListState>({ rows: [], pagination: null, loading: true, error: null });
  const now = useNow(1000);
  const rowsShown = useRef<Execution[]>([]);
  rowsShown.current = state.rows;

  useEffect(() => {
    let current = true;
    setState((held) => ({ ...held, loading: true, error: null }));
    services.api.list(filters, page, PER_PAGE)
      .then((answer) => current && setState({ rows: answer.data, pagination: answer.pagination, loading: false, error: null }))
      .catch((failure: unknown) => current && setState({ rows: [], pagination: null, loading: false, error: describeError(services, failure) }));
    return () => {
      current = false;
    };
  }, [search]);

  useEffect(() => {
    const fetching = new Set<string>();
    // Only a change of status can bring an execution into the list (a new one, or one that now matches the filters).
    const apply = (executionId: string, update: (execution: Execution) => Execution, mayJoin: boolean) => {
      if (rowsShown.current.some((row) => row.id === executionId)) {
        setState((held) => ({ ...held, rows: updateRow(held.rows, executionId, update) }));
      } else if (mayJoin && page === 1 && !fetching.has(executionId)) {
        fetching.add(executionId);
        void addNew(executionId);
      }
    };
    const addNew = async (executionId: string) => {
      try {
        const execution = await services.api.get(executionId);
        if (matchesFilters(execution, filters) === true) {
          setState((held) => ({ ...held, rows: upsertRow(held.rows, execution, PER_PAGE) }));
        }
      } catch {
        // Gone or not readable: the list simply does not show it.
      } finally {
        fetching.delete(executionId);
      }
    };
    const subscribe = () => services.hub.subscribeToMonitor().catch(() => undefined);
    const unsubscribe = services.hub.on({
      executionStatusChanged: (change) => apply(change.execution_id, (row) => withStatus(row, change), true),
      executionProgressed: (progress) => apply(progress.execution_id, (row) => withProgress(row, progress), false),
      executionFinished: (finished) => apply(finished.execution_id, (row) => withFinished(row, finished), true),
      executionResultsParsed: (results) => apply(results.execution_id, (row) => withResults(row, results), false),
    });
    const unsubscribeReconnected = services.hub.onReconnected(() => void subscribe());
    void subscribe();
    return () => {
      unsubscribe();
      unsubscribeReconnected();
      services.hub.unsubscribeFromMonitor().catch(() => undefined);
    };
  }, [services.hub, search]);

  const go = (nextFilters: ExecutionFilters, nextPage: number) => navigate(`/${writeMonitorQuery({ filters: nextFilters, page: nextPage })}`);
  const { rows, pagination } = state;

  return (
    <main class="page page--monitor">
      <h1>Executions</h1>
      <MonitorFilters key={search} filters={filters} onApply={(next) => go(next, 1)} />
      {state.error && <p class="banner banner--error">{state.error}</p>}
      <table class="executions" data-testid="executions">
        <thead>
          <tr>
            <th>Template</th><th>AWX job</th><th>Status</th><th>Progress</th><th>Launched by</th><th>Started</th><th>Duration</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((execution) => (
            <tr
              key={execution.id}
              class={`executions__row${isTerminal(execution.status) ? '' : ' is-live'}`}
              data-execution={execution.id}
              data-status={execution.status}
              onClick={(event) => {
                if (!(event.target instanceof HTMLAnchorElement)) {
                  navigate(`/executions/${execution.id}`);
                }
              }}
            >
              <td>
                <a href={`/executions/${execution.id}`} onClick={(event) => followLink(event, `/executions/${execution.id}`)}>
                  {execution.template.name}
                </a>
                {' '}<RelaunchMark count={execution.relaunch_count} hosts={execution.relaunch_hosts} />
                {execution.partial_success && <span class="partial-mark" title="Successful, but some hosts failed">hosts failed</span>}
              </td>
              <td>{execution.awx_job_id ?? '–'}</td>
              <td><StatusBadge status={execution.status} /></td>
              <td><ProgressBar percentage={execution.progress_percentage} status={execution.status} /></td>
              <td>{execution.launched_by}</td>
              <td>{formatTime(execution.started_at ?? execution.created_at)}</td>
              <td>{formatDuration(elapsedSeconds(execution, now))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!state.loading && rows.length === 0 && <p class="empty">No execution{hasFilters(filters) ? ' matches these filters' : ' yet'}.</p>}
      {pagination && pagination.total_pages > 1 && (
        <nav class="pager" aria-label="Pages">
          <button type="button" disabled={page <= 1} onClick={() => go(filters, page - 1)}>← Newer</button>
          <span>Page {page} of {formatCount(pagination.total_pages)} · {formatCount(pagination.total_items)} executions</span>
          <button type="button" disabled={page >= pagination.total_pages} onClick={() => go(filters, page + 1)}>Older →</button>
        </nav>
      )}
    </main>
  );
}
