import { useEffect, useState } from 'preact/hooks';
import { ApiError, type Execution, type HostResult } from '../../client';
import { formatTime } from '../shared/format';
import { followLink } from '../shared/router';
import { describeError, useServices } from '../shared/services';
import { StatusBadge } from '../shared/StatusBadge';

/** Links of a chain followed at most this far each way; the Launcher caps chains at 3 relaunches. */
const CHAIN_LIMIT = 10;

interface Chain {
  attempts: Execution[];
  /** Set when later attempts cannot be found (the Gateway has no list endpoint yet). */
  forwardNote: string | null;
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
      {chain.forwardNote && <p class="note">{chain.forwardNote}</p>}
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

/**
 * The chain from the Gateway's `/chain`; where it has none yet, walked here: back through relaunch_of to the
 * original, then forward by listing the relaunches of each attempt found.
 */
async function loadChain(api: ReturnType<typeof useServices>['api'], execution: Execution): Promise<Chain> {
  try {
    const served = (await api.chain(execution.id, 1, CHAIN_LIMIT)).data;
    return { attempts: served.map((attempt) => (attempt.id === execution.id ? execution : attempt)), forwardNote: null };
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.isNotFound)) {
      throw failure;
    }
  }
  const known = new Map<string, Execution>([[execution.id, execution]]);
  let root = execution;
  while (root.relaunch_of && known.size < CHAIN_LIMIT) {
    root = await api.get(root.relaunch_of);
    known.set(root.id, root);
  }
  let forwardNote: string | null = null;
  try {
    for (let frontier = [root.id]; frontier.length > 0 && known.size < CHAIN_LIMIT;) {
      const found: string[] = [];
      for (const id of frontier) {
        for (const attempt of (await api.list({ relaunch_of: id }, 1, CHAIN_LIMIT)).data) {
          if (!known.has(attempt.id)) {
            known.set(attempt.id, attempt);
            found.push(attempt.id);
          }
        }
      }
      frontier = found;
    }
  } catch (failure) {
    if (!(failure instanceof ApiError && failure.isNotFound)) {
      throw failure;
    }
    forwardNote = 'Later attempts are not listed: this Gateway cannot list executions yet (GET /api/v1/executions answered 404).';
  }
  const attempts = [...known.values()].sort((a, b) => a.relaunch_count - b.relaunch_count || a.created_at.localeCompare(b.created_at));
  return { attempts, forwardNote };
}
