import { EXECUTION_STATUSES, type Execution, type ExecutionFilters, type ExecutionStatus } from '../../client';

/** The monitor's filters and page, as they stand in the address bar (`/?status=failed&page=2`). */
export interface MonitorQuery {
  filters: ExecutionFilters;
  page: number;
}

const FILTER_NAMES = ['status', 'template', 'launched_by', 'created_after', 'created_before', 'q'] as const;

export function readMonitorQuery(search: string): MonitorQuery {
  const parameters = new URLSearchParams(search);
  const filters: ExecutionFilters = {};
  for (const name of FILTER_NAMES) {
    const value = parameters.get(name)?.trim();
    if (!value) {
      continue;
    }
    if (name === 'status') {
      if ((EXECUTION_STATUSES as readonly string[]).includes(value)) {
        filters.status = value as ExecutionStatus;
      }
    } else {
      filters[name] = value;
    }
  }
  const page = Number.parseInt(parameters.get('page') ?? '1', 10);
  return { filters, page: Number.isInteger(page) && page > 0 ? page : 1 };
}

export function writeMonitorQuery(query: MonitorQuery): string {
  const parameters = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = query.filters[name]?.trim();
    if (value) {
      parameters.set(name, value);
    }
  }
  if (query.page > 1) {
    parameters.set('page', String(query.page));
  }
  const text = parameters.toString();
  return text === '' ? '' : `?${text}`;
}

export function hasFilters(filters: ExecutionFilters): boolean {
  return FILTER_NAMES.some((name) => (filters[name] ?? '').trim() !== '');
}

/**
 * Whether an execution pushed live belongs in the filtered list: true or false, or null when it cannot be told here
 * (a search in output is answered by the server only).
 */
export function matchesFilters(execution: Execution, filters: ExecutionFilters): boolean | null {
  if (filters.status && execution.status !== filters.status) {
    return false;
  }
  const template = filters.template?.trim();
  if (template && String(execution.template.id) !== template) {
    return false;
  }
  const launchedBy = filters.launched_by?.trim();
  if (launchedBy && execution.launched_by !== launchedBy) {
    return false;
  }
  const created = Date.parse(execution.created_at);
  if (filters.created_after && created < Date.parse(filters.created_after)) {
    return false;
  }
  if (filters.created_before && created >= Date.parse(filters.created_before)) {
    return false;
  }
  return filters.q?.trim() ? null : true;
}
