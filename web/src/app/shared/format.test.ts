import { describe, expect, it } from 'vitest';
import { execution } from '../../test/executions';
import { elapsedSeconds, formatDuration } from './format';

describe('formatDuration', () => {
  it('reads as seconds, minutes or hours', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(42.7)).toBe('42s');
    expect(formatDuration(187)).toBe('3m 07s');
    expect(formatDuration(7500)).toBe('2h 05m');
  });
});

describe('elapsedSeconds', () => {
  it('counts from the start to now while running, and uses AWX elapsed once ended', () => {
    const now = Date.parse('2026-11-26T08:01:02Z');
    expect(elapsedSeconds(execution({ started_at: '2026-11-26T08:00:02Z' }), now)).toBe(60);
    expect(elapsedSeconds(execution({ status: 'successful', elapsed_seconds: 12.5 }), now)).toBe(12.5);
    expect(elapsedSeconds(execution({ started_at: null, launched_at: null }), now)).toBeNull();
  });
});
