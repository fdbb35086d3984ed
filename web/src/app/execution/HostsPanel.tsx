import { useEffect, useState } from 'preact/hooks';
import { type Execution, type HostResult, isTerminal } from '../../client';
import type { HostTally } from '../output/hostTally';
import { formatCount } from '../shared/format';
import { describeError, useServices } from '../shared/services';
import { HostResultsTable, failedHostCount } from './HostResultsTable';

/**
 * Per-host results once the job's results are parsed (from `/hosts`, the execution's own `row_results` until it
 * answers); until then a live tally from the task results streamed so far.
 */
export function HostsPanel({ execution, tally }: { execution: Execution; tally: HostTally }) {
  const services = useServices();
  const [served, setServed] = useState<HostResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parsed = execution.row_results !== null;

  useEffect(() => {
    if (!parsed) {
      return;
    }
    let current = true;
    services.api.hosts(execution.id)
      .then((answer) => current && answer.final && setServed(answer.hosts))
      .catch((failure: unknown) => {
        if (current) {
          setError(describeError(services, failure));
        }
      });
    return () => {
      current = false;
    };
  }, [execution.id, parsed]);

  const final = served ?? execution.row_results;
  const rows = final ?? tally.results();
  const failed = failedHostCount(rows);
  const ended = isTerminal(execution.status);

  return (
    <section class="panel hosts-panel">
      {execution.partial_success && (
        <p class="banner banner--partial" data-testid="partial-success">
          Successful with failed hosts: AWX reports success, but {failed} host{failed === 1 ? '' : 's'} failed or
          {failed === 1 ? ' was' : ' were'} unreachable.
        </p>
      )}
      {error && <p class="banner banner--error">{error}</p>}
      {final && final.length === 0 && (
        <p class="empty">The playbook reported no per-host results (no row_results artifact, no host summaries).</p>
      )}
      {rows.length > 0 && (
        <HostResultsTable
          rows={rows}
          caption={final
            ? `Per-host results (${execution.results_source ?? 'parsed'}): ${formatCount(rows.length)} hosts, ${failed} failed or unreachable`
            : `${ended ? 'Tally from the output while results are parsed' : 'Live tally from the output so far'}: ${formatCount(rows.length)} hosts`}
        />
      )}
      {!final && rows.length === 0 && <p class="empty">No host has reported a task result yet.</p>}
    </section>
  );
}
