import { useState } from 'preact/hooks';
import { type Execution, isTerminal } from '../../client';
import { elapsedSeconds, formatDuration } from '../shared/format';
import { useNow } from '../shared/hooks';
import { navigate } from '../shared/router';
import { useServices } from '../shared/services';
import { useAction } from '../shared/useAction';

/** The chain stops at the third relaunch: beyond that the cause needs fixing, not another attempt. */
export const RELAUNCH_CAP = 3;

export function ExecutionFooter({ execution, hasFailedHosts }: { execution: Execution; hasFailedHosts: boolean }) {
  const { api, canOperate } = useServices();
  const running = !isTerminal(execution.status);
  const now = useNow(1000, running);
  const cancel = useAction();
  const relaunch = useAction();
  const [confirming, setConfirming] = useState(false);
  const capped = execution.relaunch_count >= RELAUNCH_CAP;

  const relaunchWith = (hosts: 'all' | 'failed') =>
    relaunch.run(async () => {
      const next = await api.relaunch(execution.id, hosts);
      navigate(`/executions/${next.id}`);
    });

  return (
    <footer class="execution-footer">
      <span class="elapsed">Elapsed <span data-testid="elapsed">{formatDuration(elapsedSeconds(execution, now))}</span></span>
      <div class="actions">
        {canOperate && running && !confirming && (
          <button type="button" class="danger" disabled={cancel.busy} onClick={() => setConfirming(true)}>
            Cancel
          </button>
        )}
        {canOperate && running && confirming && (
          <span class="confirm">
            Stop at the next task boundary?
            <button type="button" class="danger" onClick={() => { setConfirming(false); void cancel.run(() => api.cancel(execution.id)); }}>Yes, cancel</button>
            <button type="button" onClick={() => setConfirming(false)}>No</button>
          </span>
        )}
        {canOperate && !running && (
          <>
            <button
              type="button"
              disabled={relaunch.busy || capped}
              title={capped ? `The relaunch chain is capped at ${RELAUNCH_CAP}` : 'Run the same request again on every host'}
              onClick={() => void relaunchWith('all')}
            >
              Relaunch all hosts
            </button>
            {/* A workflow is retried from a failed node instead; the API refuses its failed-hosts relaunch. */}
            {execution.template.kind === 'job' && (
              <button
                type="button"
                disabled={relaunch.busy || capped || !hasFailedHosts}
                title={hasFailedHosts ? 'Run again on the failed and unreachable hosts only' : 'No host failed'}
                onClick={() => void relaunchWith('failed')}
              >
                Relaunch failed hosts
              </button>
            )}
          </>
        )}
        {execution.awx_job_url && (
          <a class="button" href={execution.awx_job_url} target="_blank" rel="noopener noreferrer">Open in AWX</a>
        )}
      </div>
      <div class="action-messages" role="status">
        {[cancel, relaunch].map((action) => action.error).filter(Boolean).map((message) => <p>{message}</p>)}
        {capped && !running && canOperate && <p>This is attempt {execution.relaunch_count + 1}: the relaunch chain is capped at {RELAUNCH_CAP}.</p>}
      </div>
    </footer>
  );
}
