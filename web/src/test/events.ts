import type { JobEvent } from '../client';

/** An AWX-shaped job event for tests; override what the test is about. */
export function jobEvent(counter: number, overrides: Partial<JobEvent> = {}): JobEvent {
  return {
    execution_id: 'e1',
    job_id: 7,
    counter,
    event: 'runner_on_ok',
    uuid: `uuid-${counter}`,
    parent_uuid: '',
    host: 'leaf-101.lab',
    play: 'Synthetic lab run',
    task: 'Configure interfaces',
    role: null,
    stdout: `\u001b[0;32mok: [leaf-101.lab] line ${counter}\u001b[0m`,
    start_line: counter - 1,
    end_line: counter,
    failed: false,
    changed: false,
    created: '2026-11-26T08:00:00Z',
    event_data: {},
    ...overrides,
  };
}

export function counters(from: number, to: number, overrides: Partial<JobEvent> = {}): JobEvent[] {
  return Array.from({ length: to - from + 1 }, (_, index) => jobEvent(from + index, overrides));
}
