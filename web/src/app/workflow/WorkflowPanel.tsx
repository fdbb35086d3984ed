import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type Execution, type Workflow, type WorkflowApproval, type WorkflowNode, type WorkflowNodeChanged, isTerminal } from '../../client';
import type { OutputModel } from '../output/outputModel';
import { Terminal } from '../output/Terminal';
import { formatDuration } from '../shared/format';
import { useNow } from '../shared/hooks';
import { navigate } from '../shared/router';
import { describeError, useServices } from '../shared/services';
import { StatusBadge } from '../shared/StatusBadge';
import { useAction } from '../shared/useAction';
import { ApprovalForm } from './ApprovalForm';
import { WorkflowGraph } from './WorkflowGraph';
import { applyNodeChange, layoutWorkflow, nodeSeconds, stepOrder } from './workflowLayout';

interface WorkflowPanelProps {
  execution: Execution;
  model: OutputModel;
  version: number;
  nodeChanges: readonly WorkflowNodeChanged[];
}

/** A workflow execution: its graph and steps, live, with each node's output, artifacts, approvals and retry. */
export function WorkflowPanel({ execution, model, version, nodeChanges }: WorkflowPanelProps) {
  const services = useServices();
  const [workflow, setWorkflow] = useState<Workflow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  const applied = useRef(0);
  const received = useRef(0);
  received.current = nodeChanges.length;
  const now = useNow(1000, !isTerminal(execution.status));

  // Loaded again whenever the execution moves (its snapshot after subscribing included), since node changes pushed
  // before this page joined are not replayed. A load may answer with nodes older than changes pushed while it was
  // under way: those are applied again on top of it (each carries the node's whole state, so twice is harmless).
  useEffect(() => {
    let current = true;
    const pushedBefore = received.current;
    services.api.workflow(execution.id)
      .then((loaded) => {
        if (current) {
          applied.current = Math.min(applied.current, pushedBefore);
          setWorkflow(loaded);
        }
      })
      .catch((failure: unknown) => current && setError(describeError(services, failure)));
    return () => {
      current = false;
    };
  }, [execution.id, reloads, execution.status, execution.progress_percentage]);

  // Pushed changes apply to the graph on screen in order; one for a node it lacks means the graph grew: load it again.
  useEffect(() => {
    if (!workflow || applied.current >= nodeChanges.length) {
      return;
    }
    let next: Workflow | null = workflow;
    for (const change of nodeChanges.slice(applied.current)) {
      next = next && applyNodeChange(next, change);
    }
    applied.current = nodeChanges.length;
    if (next) {
      setWorkflow(next);
    } else {
      setReloads((value) => value + 1);
    }
  }, [nodeChanges, workflow]);

  const structure = workflow ? JSON.stringify([workflow.nodes.map((node) => node.id), workflow.edges]) : '';
  const layout = useMemo(() => (workflow ? layoutWorkflow(workflow) : null), [structure]);
  const placed = useMemo(() => {
    if (!layout || !workflow) {
      return null;
    }
    const byId = new Map(workflow.nodes.map((node) => [node.id, node]));
    return { ...layout, nodes: layout.nodes.map((entry) => ({ ...entry, node: byId.get(entry.node.id) ?? entry.node })) };
  }, [layout, workflow]);

  if (error) {
    return <p class="banner banner--error">{error}</p>;
  }
  if (!workflow || !placed) {
    return <p class="empty">Loading the workflow…</p>;
  }
  const node = workflow.nodes.find((candidate) => candidate.id === selected) ?? null;
  const reload = () => setReloads((value) => value + 1);

  return (
    <section class="panel workflow-panel" data-testid="workflow">
      <WorkflowGraph layout={placed} selected={selected} now={now} onSelect={setSelected} />
      <table class="steps" data-testid="workflow-steps">
        <caption>Steps</caption>
        <thead><tr><th>Step</th><th>Kind</th><th>State</th><th>Duration</th><th /></tr></thead>
        <tbody>
          {stepOrder(workflow.nodes).map((step) => (
            <tr class={step.id === selected ? 'is-selected' : ''} data-step={step.id}>
              <td><button type="button" class="link" onClick={() => setSelected(step.id)}>{step.name}</button></td>
              <td>{step.kind}</td>
              <td><StatusBadge status={step.state} /></td>
              <td>{formatDuration(nodeSeconds(step, now))}</td>
              <td>{step.approval?.status === 'pending' && step.state === 'waiting' ? 'waiting for approval' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {node && (
        <NodeDetails execution={execution} node={node} model={model} version={version} onChanged={reload} />
      )}
    </section>
  );
}

function NodeDetails({ execution, node, model, version, onChanged }: {
  execution: Execution;
  node: WorkflowNode;
  model: OutputModel;
  version: number;
  onChanged: () => void;
}) {
  const { api, canOperate } = useServices();
  const retry = useAction();
  const pendingApproval = node.kind === 'approval' && node.state === 'waiting' && node.approval?.status === 'pending'
    ? node.approval
    : null;
  return (
    <article class="node-details" data-testid="node-details" data-node={node.id}>
      <h2>{node.name} <StatusBadge status={node.state} /></h2>
      {pendingApproval && canOperate && (
        <ApprovalForm executionId={execution.id} approval={pendingApproval} onDecided={onChanged} />
      )}
      {pendingApproval && !canOperate && <p class="note">Waiting for an operator's approval.</p>}
      {node.approval && node.approval.status !== 'pending' && (
        <p class="note">
          {approvalOutcome(node.approval)}
          {node.approval.decided_by ? ` by ${node.approval.decided_by}` : ''}
          {node.approval.comment ? `: “${node.approval.comment}”` : ''}
        </p>
      )}
      {canOperate && (node.state === 'failed' || node.state === 'error') && (
        <div class="actions">
          <button type="button" disabled={retry.busy} onClick={() => void retry.run(async () => navigate(`/executions/${(await api.retryWorkflowNode(execution.id, node.id)).id}`))}>
            Retry from here
          </button>
          {retry.error && <p class="action-message">{retry.error}</p>}
        </div>
      )}
      <h3>Outputs</h3>
      {node.artifacts === undefined || node.artifacts === null || (typeof node.artifacts === 'object' && Object.keys(node.artifacts).length === 0)
        ? <p class="empty">This step set no artifacts.</p>
        : <pre class="artifacts" data-testid="artifacts">{JSON.stringify(node.artifacts, null, 2)}</pre>}
      <h3>Output</h3>
      {node.job_id === null
        ? <p class="empty">{node.kind === 'approval' ? 'An approval has no output.' : 'This step has not started a job.'}</p>
        : <Terminal model={model} version={version} jobId={node.job_id} />}
    </article>
  );
}

function approvalOutcome(approval: WorkflowApproval): string {
  if (approval.timed_out) {
    return `Timed out: nobody decided within ${formatDuration(approval.timeout_seconds)}`;
  }
  return { successful: 'Approved', failed: 'Denied', canceled: 'Canceled', pending: 'Waiting' }[approval.status];
}
