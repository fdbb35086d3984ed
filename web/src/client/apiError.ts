import type { Problem } from './types';

/** A non-2xx answer of the Gateway, with the problem's `detail` as the message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `${method} ${path} answered ${status}.`);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }
}

export async function readApiError(response: Response, method: string, path: string): Promise<ApiError> {
  let problem: Problem | null = null;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
  }
  return new ApiError(response.status, method, path, problem);
}
