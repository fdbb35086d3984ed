import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExecutionsApi } from './api';
import { ApiError } from './apiError';

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Records what the client sends and answers as the Gateway would. */
function gatewayAnswering(status: number, body: unknown, contentType = 'application/json') {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({
      method: init.method ?? 'GET',
      url,
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : null,
    });
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'Content-Type': contentType } });
  });
  return sent;
}

describe('ExecutionsApi', () => {
  const api = new ExecutionsApi({ baseUrl: 'https://fabrik.example', credential: () => 'key-1' });

  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('launches with the request as the body and resolves with the execution', async () => {
    const sent = gatewayAnswering(202, { data: { id: 'e1', status: 'pending' } });
    const request = { request_id: 'r1', template: { kind: 'job' as const, id: 7, name: 'Deploy' }, extra_vars: { site: 'lab' } };

    const execution = await api.launch(request);

    expect(execution.id).toBe('e1');
    expect(sent).toEqual([expect.objectContaining({ method: 'POST', url: 'https://fabrik.example/api/v1/executions', body: request })]);
    expect(sent[0]?.headers['X-Api-Key']).toBe('key-1');
  });

  it('asks for stats and exports with the same filters as the list, empty ones left out', async () => {
    const sent = gatewayAnswering(200, { data: { total: 3 } });

    await api.stats({ status: 'failed', template: ' 7 ', q: '' });
    await api.export({ launched_by: 'alice' }, 'json');
    await api.listByStatus('running', 2, 50);

    expect(sent.map((request) => request.url)).toEqual([
      'https://fabrik.example/api/v1/executions/stats?status=failed&template=7',
      'https://fabrik.example/api/v1/executions/export?launched_by=alice&format=json',
      'https://fabrik.example/api/v1/executions/status/running?page=2&per_page=50',
    ]);
  });

  it('cancels many in one request and resolves with each outcome', async () => {
    const outcomes = [{ id: 'e1', result: 'canceled', status: 'canceled', detail: null }];
    const sent = gatewayAnswering(200, { data: outcomes });

    expect(await api.cancelMany(['e1'])).toEqual(outcomes);
    expect(sent[0]).toEqual(expect.objectContaining({ method: 'POST', url: 'https://fabrik.example/api/v1/executions/cancel', body: { ids: ['e1'] } }));
  });

  it('sends event filters and rejects with the problem detail', async () => {
    const sent = gatewayAnswering(400, { detail: 'failed must be true or false.' }, 'application/problem+json');

    const failure = api.events('e1', { after: 5, failed: true, host: 'web-01' });

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow('failed must be true or false.');
    expect(sent[0]?.url).toBe('https://fabrik.example/api/v1/executions/e1/events?after=5&failed=true&host=web-01');
  });
});
