/**
 * The Gateway's wire shapes, field for field as the HTTP API and the hub send them (snake_case, as AWX writes them).
 * Times are ISO 8601 strings in UTC; ids of executions are UUIDs; AWX ids are numbers.
 */

export type ExecutionStatus = 'pending' | 'waiting' | 'running' | 'successful' | 'failed' | 'error' | 'canceled';

export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled',
];

/** The statuses that end an execution. */
export const TERMINAL_STATUSES: readonly ExecutionStatus[] = ['successful', 'failed', 'error', 'canceled'];

export function isTerminal(status: ExecutionStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export type TemplateKind = 'job' | 'workflow';

export interface TemplateReference {
  kind: TemplateKind;
  id: number;
  name: string;
}

export type HostOutcome = 'ok' | 'changed' | 'failed' | 'unreachable' | 'skipped';

/** One row of an execution's per-host results. */
export interface HostResult {
  host: string;
  status: HostOutcome;
  ok: number;
  changed: number;
  failed: number;
  unreachable: number;
  skipped: number;
}

/** `GET /api/v1/executions/{id}/hosts`. */
export interface HostResults {
  /** `artifacts`, `job_host_summaries`, `playbook_on_stats`, `workflow_nodes` (a workflow's node jobs added up) or `none` once parsed; `job_events` while counted live. */
  source: string;
  /** True once parsed after the job ended; false while the rows may still change. */
  final: boolean;
  hosts: HostResult[];
}

/** A line of output found by `GET /api/v1/executions/{id}/search`. */
export interface OutputLineHit {
  job_id: number;
  counter: number;
  /** The line's number in the job's whole output, from 1. */
  line_number: number;
  line: string;
  host: string | null;
  task: string | null;
}

export type RelaunchHosts = 'all' | 'failed';

/** An execution as `GET /api/v1/executions/{id}` and the hub's `ExecutionSnapshot` give it. */
export interface Execution {
  id: string;
  request_id: string;
  template: TemplateReference;
  status: ExecutionStatus;
  status_explanation: string | null;
  awx_job_id: number | null;
  awx_job_url: string | null;
  progress_percentage: number;
  current_task: string | null;
  elapsed_seconds: number | null;
  extra_vars: Record<string, unknown>;
  limit: string | null;
  inventory: number | null;
  credentials: number[];
  launched_by: string;
  relaunch_of: string | null;
  relaunch_count: number;
  relaunch_hosts: RelaunchHosts | null;
  created_at: string;
  updated_at: string;
  launched_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  final_counter: number | null;
  complete: boolean | null;
  missing_counters: number[] | null;
  partial_success: boolean | null;
  results_source: string | null;
  row_results: HostResult[] | null;
  artifacts: unknown;
}

/** One AWX job event, as stored and as pushed live. Unique per (job_id, counter) within an execution. */
export interface JobEvent {
  execution_id: string;
  job_id: number;
  counter: number;
  event: string;
  uuid: string;
  parent_uuid: string;
  host: string | null;
  play: string | null;
  task: string | null;
  role: string | null;
  /** The event's output with ANSI colours and `\r\n` line ends as Ansible wrote them. */
  stdout: string;
  start_line: number;
  end_line: number;
  failed: boolean;
  changed: boolean;
  created: string;
  event_data: Record<string, unknown>;
}

export interface JobEventCursor {
  after: number;
  next_after: number;
  has_more: boolean;
  job: number | null;
}

export interface JobEventPage {
  data: JobEvent[];
  cursor: JobEventCursor;
}

export interface Pagination {
  page: number;
  per_page: number;
  total_items: number;
  total_pages: number;
}

export interface ListResponse<T> {
  data: T[];
  pagination: Pagination;
}

export interface ItemResponse<T> {
  data: T;
}

/** The filters of `GET /api/v1/executions`; empty values are left out of the query. */
export interface ExecutionFilters {
  status?: ExecutionStatus | '';
  /** The AWX template id. */
  template?: string;
  /** Exactly who launched (the API key's name or the token's user). */
  launched_by?: string;
  relaunch_of?: string;
  /** ISO 8601. */
  created_after?: string;
  /** ISO 8601. */
  created_before?: string;
  /** Searched in the executions' output, on the server. */
  q?: string;
}

/** The body of `POST /api/v1/executions`; the same `request_id` twice launches once. */
export interface LaunchRequest {
  request_id: string;
  template: TemplateReference;
  extra_vars?: Record<string, unknown>;
  limit?: string | null;
  inventory?: number | null;
  credentials?: number[];
  /** Only an unauthenticated Gateway reads it; otherwise the caller is who launched. */
  launched_by?: string;
}

/** `GET /api/v1/executions/stats`: counts over the executions a filter matches. */
export interface ExecutionStats {
  total: number;
  by_status: Record<ExecutionStatus, number>;
  active: number;
  terminal: number;
  relaunches: number;
  partial_successes: number;
  incomplete: number;
  average_elapsed_seconds: number | null;
  first_created_at: string | null;
  last_created_at: string | null;
}

export type CancelResult = 'canceled' | 'cancel_requested' | 'not_found' | 'already_finished' | 'refused' | 'no_answer';

/** One execution's line in the answer to `POST /api/v1/executions/cancel`. */
export interface CancelOutcome {
  id: string;
  result: CancelResult;
  /** Its status after the cancel, when it was canceled or a cancel was requested. */
  status: ExecutionStatus | null;
  /** Why, when nothing was canceled. */
  detail: string | null;
}

export interface ExecutionStatusChanged {
  execution_id: string;
  status: ExecutionStatus;
  previous_status: ExecutionStatus;
  explanation: string | null;
  awx_job_id: number | null;
  changed_at: string;
}

export interface ExecutionProgressed {
  execution_id: string;
  progress_percentage: number;
  current_task: string | null;
  watermark: number;
}

/** Every 5 s per running execution, even when AWX is silent. */
export interface StreamHeartbeat {
  execution_id: string;
  watermark: number;
  sent_at: string;
}

export type WorkflowNodeState =
  | 'pending' | 'waiting' | 'running' | 'successful' | 'failed' | 'error' | 'canceled' | 'skipped';

/** An approval a workflow waits on, as `WorkflowNodeChanged` announces it. */
export interface WorkflowApprovalDetails {
  approval_id: number;
  name: string;
  description: string;
  timeout_seconds: number;
  expires_at: string | null;
  status: WorkflowApproval['status'];
  timed_out: boolean;
}

export interface WorkflowNodeChanged {
  execution_id: string;
  node_id: number;
  name: string;
  state: WorkflowNodeState;
  job_id: number | null;
  started_at: string | null;
  finished_at: string | null;
  workflow_job_id?: number | null;
  kind?: WorkflowNodeKind | null;
  elapsed_seconds?: number | null;
  /** Set on an approval node once AWX has its approval. */
  approval?: WorkflowApprovalDetails | null;
}

export interface ExecutionFinished {
  execution_id: string;
  awx_job_id: number;
  status: ExecutionStatus;
  final_counter: number;
  complete: boolean;
  missing_counters: number[];
  finished_at: string;
}

export interface ExecutionResultsParsed {
  execution_id: string;
  status: ExecutionStatus;
  partial_success: boolean;
  hosts: HostResult[];
  source: 'artifacts' | 'job_host_summaries' | 'playbook_on_stats' | 'workflow_nodes' | 'none';
  elapsed_seconds: number | null;
}

export type WorkflowEdgeType = 'success' | 'failure' | 'always';

export type WorkflowNodeKind = 'job' | 'workflow' | 'approval' | 'project_update' | 'inventory_update';

/** An approval node's approval, as `GET .../workflow` serves it. */
export interface WorkflowApproval {
  id: number;
  name: string;
  /** `successful` is approved; `failed` is denied or timed out (see `timed_out`). */
  status: 'pending' | 'successful' | 'failed' | 'canceled';
  description: string;
  /** Seconds AWX waits for a decision; 0 waits for ever. */
  timeout_seconds: number;
  timed_out: boolean;
  expires_at: string | null;
  decided_by: string | null;
  comment: string | null;
  decided_at: string | null;
}

/** A node of `GET /api/v1/executions/{id}/workflow`. */
export interface WorkflowNode {
  id: number;
  name: string;
  kind: WorkflowNodeKind;
  state: WorkflowNodeState;
  job_id: number | null;
  started_at: string | null;
  finished_at: string | null;
  elapsed_seconds?: number | null;
  /** What the node's job set with set_stats, passed on to the nodes after it. */
  artifacts?: unknown;
  /** Set on approval nodes. */
  approval?: WorkflowApproval | null;
}

export interface WorkflowEdge {
  from: number;
  to: number;
  type: WorkflowEdgeType;
}

export interface Workflow {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
}

export type Role = 'viewer' | 'operator';

/** Who the credential belongs to, from `GET /api/v1/me`. */
export interface Principal {
  name: string;
  role: Role;
}

/** An `application/problem+json` body. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
}
