import { describe, expect, it } from 'vitest';
import { execution } from '../../test/executions';
import { hasFilters, matchesFilters, readMonitorQuery, writeMonitorQuery } from './monitorFilters';

describe('monitor query', () => {
  it('round-trips filters and page through the address bar', () => {
    const query = {
      filters: { status: 'failed' as const, template: '1', launched_by: 'alice', created_after: '2026-11-25T00:00:00.000Z', q: 'fatal: [leaf' },
      page: 3,
    };
    expect(readMonitorQuery(writeMonitorQuery(query))).toEqual(query);
  });

  it('leaves out empty filters and page 1', () => {
    expect(writeMonitorQuery({ filters: { template: ' ', status: '' }, page: 1 })).toBe('');
  });

  it('drops an unknown status and a page that is not a positive number', () => {
    expect(readMonitorQuery('?status=exploded&page=-2')).toEqual({ filters: {}, page: 1 });
  });

  it('knows when any filter is set', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ q: 'x' })).toBe(true);
  });
});

describe('matchesFilters', () => {
  it('matches status, template id, launcher and creation time as the server does', () => {
    const row = execution({ status: 'failed', launched_by: 'alice', created_at: '2026-11-26T08:00:00Z' });
    expect(matchesFilters(row, {})).toBe(true);
    expect(matchesFilters(row, { status: 'failed', template: '1', launched_by: 'alice' })).toBe(true);
    expect(matchesFilters(row, { status: 'running' })).toBe(false);
    expect(matchesFilters(row, { template: '2' })).toBe(false);
    expect(matchesFilters(row, { launched_by: 'ali' })).toBe(false);
    expect(matchesFilters(row, { created_after: '2026-11-26T09:00:00Z' })).toBe(false);
    expect(matchesFilters(row, { created_before: '2026-11-26T08:00:00Z' })).toBe(false);
    expect(matchesFilters(row, { created_after: '2026-11-26T07:00:00Z', created_before: '2026-11-26T09:00:00Z' })).toBe(true);
  });

  it('cannot tell a search in output, which only the server answers', () => {
    expect(matchesFilters(execution(), { q: 'fatal' })).toBeNull();
    expect(matchesFilters(execution({ status: 'failed' }), { q: 'fatal', status: 'running' })).toBe(false);
  });
});
