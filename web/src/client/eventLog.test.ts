import { describe, expect, it } from 'vitest';
import { counters, jobEvent } from '../test/events';
import { EventLog } from './eventLog';

describe('EventLog', () => {
  it('keeps one event per (job_id, counter) when replay and live overlap', () => {
    const log = new EventLog();
    const live = log.add(counters(5, 8));
    const replay = log.add(counters(1, 6));

    expect(live.map((event) => event.counter)).toEqual([5, 6, 7, 8]);
    expect(replay.map((event) => event.counter)).toEqual([1, 2, 3, 4]);
    expect(log.size).toBe(8);
  });

  it('drops a duplicate inside the same batch', () => {
    const log = new EventLog();
    expect(log.add([jobEvent(1), jobEvent(1), jobEvent(2)]).map((event) => event.counter)).toEqual([1, 2]);
  });

  it('tells the same counter of different jobs apart', () => {
    const log = new EventLog();
    const added = log.add([jobEvent(1, { job_id: 8 }), jobEvent(1, { job_id: 7 })]);
    expect(added.map((event) => [event.job_id, event.counter])).toEqual([[7, 1], [8, 1]]);
  });

  it('returns what it added in output order whatever order it arrived in', () => {
    const log = new EventLog();
    expect(log.add([jobEvent(3), jobEvent(1), jobEvent(2)]).map((event) => event.counter)).toEqual([1, 2, 3]);
  });

  it('resumes after the highest counter held without a gap', () => {
    const log = new EventLog();
    log.add([...counters(1, 4), ...counters(6, 9)]);
    expect(log.watermark(7)).toBe(4);
    expect(log.resumeAfter()).toBe(4);

    log.add([jobEvent(5)]);
    expect(log.resumeAfter()).toBe(9);
  });

  it('resumes after the lowest watermark of its jobs, and from 0 when empty', () => {
    const log = new EventLog();
    expect(log.resumeAfter()).toBe(0);
    log.add([...counters(1, 10), ...counters(1, 3, { job_id: 9 })]);
    expect(log.resumeAfter()).toBe(3);
    expect(log.jobIds()).toEqual([7, 9]);
  });
});
