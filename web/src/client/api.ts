import { readApiError } from './apiError';
import { type ClientOptions, credentialHeaders, resolveUrl } from './credentials';
import type {
  CancelOutcome, Execution, ExecutionFilters, ExecutionStats, ExecutionStatus, HostResults, ItemResponse, JobEventPage,
  LaunchRequest, ListResponse, OutputLineHit, Principal, RelaunchHosts, Workflow,
} from './types';

const BASE = '/api/v1/executions';

export interface EventsQuery {
  /** Events after this counter (default 0). */
  after?: number;
  /** 1 to 1000, default 100. */
  limit?: number;
  /** The AWX job, for executions with several (workflows); the execution's own job when left out. */
  job?: number;
  /** Only events of this AWX event type, such as `runner_on_failed`. */
  event?: string;
  host?: string;
  failed?: boolean;
  /** Only events whose output contains this phrase. */
  q?: string;
}

/** `ndjson`: one stored event per line, as JSON. */
export type StdoutFormat = 'txt' | 'ansi' | 'ndjson';

export type ExportFormat = 'csv' | 'json';

export type ApprovalDecision = 'approve' | 'deny';

/**
 * The Gateway's HTTP API. Every method resolves with the answer's `data` or rejects with an {@link ApiError} whose
 * message is the problem's `detail`; a 404 from an endpoint this Gateway does not have yet is an ApiError like any
 * other (`isNotFound`).
 */
export class ExecutionsApi {
  constructor(private readonly options: ClientOptions = {}) {}

  /** `POST /api/v1/executions`: launches (or finds the execution of the same `request_id`); resolves with it. */
  async launch(request: LaunchRequest): Promise<Execution> {
    return (await this.json<ItemResponse<Execution>>('POST', BASE, request)).data;
  }

  /** `GET /api/v1/executions`: a page of executions, newest first. */
  list(filters: ExecutionFilters = {}, page = 1, perPage = 25): Promise<ListResponse<Execution>> {
    const query = filterQuery(filters);
    query.set('page', String(page));
    query.set('per_page', String(perPage));
    return this.json<ListResponse<Execution>>('GET', `${BASE}?${query}`);
  }

  /** `GET /api/v1/executions/status/{status}`: a page of the executions in one status, newest first. */
  listByStatus(status: ExecutionStatus, page = 1, perPage = 25): Promise<ListResponse<Execution>> {
    return this.json<ListResponse<Execution>>('GET', `${BASE}/status/${status}?page=${page}&per_page=${perPage}`);
  }

  /** `GET /api/v1/executions/stats`: counts over the executions the filters match. */
  async stats(filters: ExecutionFilters = {}): Promise<ExecutionStats> {
    return (await this.json<ItemResponse<ExecutionStats>>('GET', `${BASE}/stats?${filterQuery(filters)}`)).data;
  }

  /** `GET /api/v1/executions/export`: every execution the filters match, as one CSV or JSON file. */
  async export(filters: ExecutionFilters = {}, format: ExportFormat = 'csv'): Promise<Blob> {
    const query = filterQuery(filters);
    query.set('format', format);
    return (await this.send('GET', `${BASE}/export?${query}`)).blob();
  }

  async get(executionId: string): Promise<Execution> {
    return (await this.json<ItemResponse<Execution>>('GET', `${BASE}/${encodeURIComponent(executionId)}`)).data;
  }

  /** One page of stored events in counter order; ask again with `after = cursor.next_after` while `cursor.has_more`. */
  events(executionId: string, query: EventsQuery = {}): Promise<JobEventPage> {
    const parameters = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) {
        parameters.set(name, String(value));
      }
    }
    return this.json<JobEventPage>('GET', `${BASE}/${encodeURIComponent(executionId)}/events?${parameters}`);
  }

  /** The relaunch chain the execution belongs to: the original, then every relaunch in order. */
  chain(executionId: string, page = 1, perPage = 100): Promise<ListResponse<Execution>> {
    return this.json<ListResponse<Execution>>('GET', `${BASE}/${encodeURIComponent(executionId)}/chain?page=${page}&per_page=${perPage}`);
  }

  /** Parsed per-host results once the job ended (`final`); until then counted from the events stored so far. */
  async hosts(executionId: string): Promise<HostResults> {
    return (await this.json<ItemResponse<HostResults>>('GET', `${BASE}/${encodeURIComponent(executionId)}/hosts`)).data;
  }

  /** The lines of the execution's output (colours removed) containing `phrase`, searched on the server. */
  search(executionId: string, phrase: string, page = 1, perPage = 100): Promise<ListResponse<OutputLineHit>> {
    const query = new URLSearchParams({ q: phrase, page: String(page), per_page: String(perPage) });
    return this.json<ListResponse<OutputLineHit>>('GET', `${BASE}/${encodeURIComponent(executionId)}/search?${query}`);
  }

  /** The whole output as one file: plain (`txt`), with its ANSI colours (`ansi`), or one event per line (`ndjson`). */
  async stdout(executionId: string, format: StdoutFormat): Promise<Blob> {
    const response = await this.send('GET', `${BASE}/${encodeURIComponent(executionId)}/stdout?format=${format}`);
    return response.blob();
  }

  async cancel(executionId: string): Promise<void> {
    await this.send('POST', `${BASE}/${encodeURIComponent(executionId)}/cancel`, {});
  }

  /** Cancels up to 100 executions at once; resolves with what became of each. */
  async cancelMany(executionIds: string[]): Promise<CancelOutcome[]> {
    return (await this.json<ItemResponse<CancelOutcome[]>>('POST', `${BASE}/cancel`, { ids: executionIds })).data;
  }

  /** Launches a new attempt of the execution; resolves with the new execution. */
  async relaunch(executionId: string, hosts: RelaunchHosts): Promise<Execution> {
    const path = `${BASE}/${encodeURIComponent(executionId)}/relaunch`;
    return (await this.json<ItemResponse<Execution>>('POST', path, { hosts })).data;
  }

  async workflow(executionId: string): Promise<Workflow> {
    return (await this.json<ItemResponse<Workflow>>('GET', `${BASE}/${encodeURIComponent(executionId)}/workflow`)).data;
  }

  async decideApproval(executionId: string, approvalId: number, decision: ApprovalDecision, comment: string): Promise<void> {
    const path = `${BASE}/${encodeURIComponent(executionId)}/approvals/${approvalId}/${decision}`;
    await this.send('POST', path, { comment });
  }

  /** Runs a failed workflow node again and everything after it, as a relaunch; resolves with the new execution. */
  async retryWorkflowNode(executionId: string, nodeId: number): Promise<Execution> {
    const path = `${BASE}/${encodeURIComponent(executionId)}/relaunch`;
    return (await this.json<ItemResponse<Execution>>('POST', path, { from_node: nodeId })).data;
  }

  /** Who the credential belongs to and what it may do. */
  async me(): Promise<Principal> {
    return (await this.json<ItemResponse<Principal>>('GET', '/api/v1/me')).data;
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...credentialHeaders(this.options.credential?.()) };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(resolveUrl(this.options, path), {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await readApiError(response, method, path.split('?')[0] ?? path);
    }
    return response;
  }
}

/** The list filters as query parameters; empty ones are left out. */
function filterQuery(filters: ExecutionFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim() !== '') {
      query.set(name, value.trim());
    }
  }
  return query;
}
