import { useEffect, useState } from 'preact/hooks';
import { Terminal } from '../output/Terminal';
import { formatCount } from '../shared/format';
import { WorkflowPanel } from '../workflow/WorkflowPanel';
import { AttemptsPanel } from './AttemptsPanel';
import { DownloadMenu } from './DownloadMenu';
import { ExecutionFooter } from './ExecutionFooter';
import { ExecutionHeader } from './ExecutionHeader';
import { failedHostCount } from './HostResultsTable';
import { HostsPanel } from './HostsPanel';
import { useExecutionStream } from './useExecutionStream';

type Tab = 'workflow' | 'output' | 'hosts' | 'attempts';

/** The output viewer at `/executions/{id}`. */
export function ExecutionPage({ executionId }: { executionId: string }) {
  const stream = useExecutionStream(executionId);
  const { execution, model, tally, version } = stream;
  const [tab, setTab] = useState<Tab | null>(null);

  useEffect(() => setTab(null), [executionId]);

  if (stream.loadError && !execution) {
    return <main class="page"><p class="banner banner--error" data-testid="load-error">{stream.loadError}</p></main>;
  }
  if (!execution) {
    return <main class="page"><p class="empty">Loading execution {executionId}…</p></main>;
  }
  const isWorkflow = execution.template.kind === 'workflow';
  const shown: Tab = tab ?? (isWorkflow ? 'workflow' : 'output');
  const hosts = execution.row_results ?? tally.results();
  const tabs: { id: Tab; label: string }[] = [
    ...(isWorkflow ? [{ id: 'workflow' as const, label: 'Workflow' }] : []),
    { id: 'output', label: 'Output' },
    { id: 'hosts', label: `Hosts${hosts.length ? ` (${formatCount(hosts.length)})` : ''}` },
    { id: 'attempts', label: execution.relaunch_count > 0 ? `Attempts (${execution.relaunch_count + 1})` : 'Attempts' },
  ];

  return (
    <main class="page page--execution" data-execution={execution.id} data-status={execution.status}>
      <ExecutionHeader execution={execution} />
      {stream.stalled && (
        <p class="banner banner--warning" role="status" data-testid="reconnecting">
          Reconnecting… no heartbeat or event for a while; the output resumes from line {formatCount(model.lines.length)} without a gap.
        </p>
      )}
      {stream.streamError && <p class="banner banner--error">Live output: {stream.streamError}</p>}
      <nav class="tabs" role="tablist">
        {tabs.map((entry) => (
          <button type="button" role="tab" aria-selected={shown === entry.id} class={shown === entry.id ? 'is-selected' : ''} onClick={() => setTab(entry.id)}>
            {entry.label}
          </button>
        ))}
      </nav>
      {shown === 'output' && (
        <Terminal model={model} version={version} tools={<DownloadMenu execution={execution} />} />
      )}
      {shown === 'hosts' && <HostsPanel execution={execution} tally={tally} />}
      {shown === 'attempts' && <AttemptsPanel execution={execution} />}
      {shown === 'workflow' && <WorkflowPanel execution={execution} model={model} version={version} nodeChanges={stream.nodeChanges} />}
      <ExecutionFooter execution={execution} hasFailedHosts={failedHostCount(hosts) > 0} />
    </main>
  );
}
