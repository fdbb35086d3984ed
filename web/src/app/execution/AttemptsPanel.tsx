import { useEffect, useState } from 'preact/hooks';
import { type Execution, type HostResult } from '../../client';
import { formatTime } from '../shared/format';
import { followLink } from '../shared/router';
import { describeError, useServices } from '../shared/services';
import { StatusBadge } from '../shared/StatusBadge';

/** One page holds any chain: the Launcher caps chains at 3 relaunches. */
const CHAIN_LIMIT = 10;

interface Chain {
  attempts: Execution[];
}

/** The relaunch chain: every attempt from the original on, and their per-host results side by side. */
export function AttemptsPanel({ execution }: { execution: Execution }) {
  const services = useServices();
  const [chain, setChain] = useState<Chain | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    loadChain(services.api, execution)
      .then((loaded) => current && setChain(loaded))
      .catch((failure: unknown) => current && setError(describeError(services, failure)));
    return () => {
      current = false;
    };
  }, [execution.id, execution.status, execution.row_results]);

  if (error) {
    return <p class="banner banner--error">{error}</p>;
  }
  if (!chain) {
    return <p class="empty">Walking the relaunch chain…</p>;
  }
  const hosts = [...new Set(chain.attempts.flatMap((attempt) => (attempt.row_results ?? []).map((row) => row.host)))].sort();
  return (
    <section class="panel attempts-panel">
      <ol class="attempts" data-testid="attempts">
        {chain.attempts.map((attempt, index) => (
          <li class={attempt.id === execution.id ? 'is-current' : ''}>
            <a href={`/executions/${attempt.id}`} onClick={(event) => followLink(event, `/executions/${attempt.id}`)}>
              Attempt {index + 1}
            </a>
            {' '}<StatusBadge status={attempt.status} />
            {' '}{attempt.relaunch_of ? `relaunch (${attempt.relaunch_hosts ?? 'all'} hosts)` : 'original'}
            {' · '}{formatTime(attempt.created_at)}{attempt.awx_job_id !== null && ` · AWX job #${attempt.awx_job_id}`}
          </li>
        ))}
      </ol>
      {chain.attempts.length > 1 && hosts.length > 0 && (
        <table class="compare" data-testid="attempt-comparison">
          <caption>Per-host results by attempt</caption>
          <thead>
            <tr><th>Host</th>{chain.attempts.map((_, index) => <th>Attempt {index + 1}</th>)}</tr>
          </thead>
          <tbody>
            {hosts.map((host) => (
              <tr>
                <td>{host}</td>
                {chain.attempts.map((attempt) => <td><HostCell row={attempt.row_results?.find((row) => row.host === host)} parsed={attempt.row_results !== null} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chain.attempts.length === 1 && <p class="empty">This execution has not been relaunched.</p>}
    </section>
  );
}

function HostCell({ row, parsed }: { row: HostResult | undefined; parsed: boolean }) {
  if (!row) {
    return <span class="muted">{parsed ? 'not run' : 'no results yet'}</span>;
  }
  return (
    <span class="compare__cell">
      <StatusBadge status={row.status} />
      <span class="muted"> ok {row.ok} · changed {row.changed} · failed {row.failed} · unreachable {row.unreachable}</span>
    </span>
  );
}

/** The whole chain as the Gateway walks it, with the execution shown here in its live form. */
async function loadChain(api: ReturnType<typeof useServices>['api'], execution: Execution): Promise<Chain> {
  const served = (await api.chain(execution.id, 1, CHAIN_LIMIT)).data;
  return { attempts: served.map((attempt) => (attempt.id === execution.id ? execution : attempt)) };
}
