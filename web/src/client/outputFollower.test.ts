import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { counters } from '../test/events';
import type { HubEvents, OutputSource } from './hub';
import { OutputFollower } from './outputFollower';
import type { Execution } from './types';

/** A hub stand-in: records subscriptions and lets the test push what the Gateway would. */
class FakeSource implements OutputSource {
  readonly subscriptions: number[] = [];
  listeners: Partial<HubEvents>[] = [];
  reconnected: (() => void)[] = [];
  onSubscribe: (afterCounter: number) => void = () => undefined;

  on(listener: Partial<HubEvents>) {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((held) => held !== listener);
    };
  }

  onReconnected(listener: () => void) {
    this.reconnected.push(listener);
    return () => undefined;
  }

  async subscribeToOutput(_executionId: string, afterCounter: number) {
    this.subscriptions.push(afterCounter);
    this.onSubscribe(afterCounter);
  }

  async unsubscribeFromOutput() {}

  push<K extends keyof HubEvents>(name: K, ...args: Parameters<HubEvents[K]>) {
    for (const listener of this.listeners) {
      (listener[name] as ((...values: unknown[]) => void) | undefined)?.(...args);
    }
  }
}

const running = { id: 'e1', status: 'running', template: { kind: 'job', id: 1, name: 'Synthetic' } } as Execution;

describe('OutputFollower', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads history then continues live with no gap and no duplicate', async () => {
    const source = new FakeSource();
    const received: number[] = [];
    source.onSubscribe = () => {
      // Live events reach the group while the replay is still being sent: they overlap.
      source.push('jobEvents', 'e1', counters(4, 6));
      source.push('jobEvents', 'e1', counters(1, 5));
      source.push('executionSnapshot', running);
    };
    const follower = new OutputFollower(source, 'e1', { events: (added) => received.push(...added.map((event) => event.counter)) });

    await follower.start();
    source.push('jobEvents', 'e1', counters(6, 8));

    expect(source.subscriptions).toEqual([0]);
    expect(received.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    follower.stop();
  });

  it('ignores other executions', async () => {
    const source = new FakeSource();
    const received: number[] = [];
    const follower = new OutputFollower(source, 'e1', { events: (added) => received.push(...added.map((event) => event.counter)) });
    await follower.start();
    source.push('jobEvents', 'e2', counters(1, 3, { execution_id: 'e2' }));
    expect(received).toEqual([]);
    follower.stop();
  });

  it('subscribes again from its last counter after a lost connection', async () => {
    const source = new FakeSource();
    const follower = new OutputFollower(source, 'e1', {});
    await follower.start();
    source.push('jobEvents', 'e1', [...counters(1, 40), ...counters(42, 45)]);

    source.reconnected.forEach((listener) => listener());
    await vi.runOnlyPendingTimersAsync();

    expect(source.subscriptions).toEqual([0, 40]);
    follower.stop();
  });

  it('replays a workflow from the start, since a job it has not seen would be skipped', async () => {
    const source = new FakeSource();
    source.onSubscribe = () => source.push('executionSnapshot', { ...running, template: { kind: 'workflow', id: 9, name: 'Flow' } });
    const follower = new OutputFollower(source, 'e1', {});
    await follower.start();
    source.push('jobEvents', 'e1', counters(1, 40));

    source.reconnected.forEach((listener) => listener());
    await vi.runOnlyPendingTimersAsync();

    expect(source.subscriptions).toEqual([0, 0]);
    follower.stop();
  });

  it('reports a stall after the silence threshold while running, and clears it when events flow again', async () => {
    const source = new FakeSource();
    source.onSubscribe = () => source.push('executionSnapshot', running);
    const stalls: boolean[] = [];
    const follower = new OutputFollower(source, 'e1', { stalledChanged: (stalled) => stalls.push(stalled) }, { stallAfterMs: 2000 });
    await follower.start();

    await vi.advanceTimersByTimeAsync(1500);
    source.push('streamHeartbeat', { execution_id: 'e1', watermark: 0, sent_at: '' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(stalls).toEqual([]);

    await vi.advanceTimersByTimeAsync(1000);
    expect(stalls).toEqual([true]);
    expect(follower.stalled).toBe(true);
    expect(source.subscriptions.length).toBeGreaterThan(1);

    source.push('jobEvents', 'e1', counters(1, 2));
    expect(stalls).toEqual([true, false]);
    follower.stop();
  });

  it('does not call a finished execution stalled', async () => {
    const source = new FakeSource();
    source.onSubscribe = () => source.push('executionSnapshot', { ...running, status: 'successful' });
    const stalls: boolean[] = [];
    const follower = new OutputFollower(source, 'e1', { stalledChanged: (stalled) => stalls.push(stalled) }, { stallAfterMs: 1000 });
    await follower.start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(stalls).toEqual([]);
    follower.stop();
  });

  it('replays what it lacks when two heartbeats show counters it never received', async () => {
    const source = new FakeSource();
    source.onSubscribe = () => source.push('executionSnapshot', running);
    const follower = new OutputFollower(source, 'e1', {});
    await follower.start();
    source.push('jobEvents', 'e1', counters(1, 10));

    source.push('streamHeartbeat', { execution_id: 'e1', watermark: 12, sent_at: '' });
    expect(source.subscriptions).toEqual([0]);
    source.push('jobEvents', 'e1', counters(11, 12));
    source.push('streamHeartbeat', { execution_id: 'e1', watermark: 15, sent_at: '' });
    expect(source.subscriptions).toEqual([0]);

    source.push('streamHeartbeat', { execution_id: 'e1', watermark: 16, sent_at: '' });
    await vi.runOnlyPendingTimersAsync();
    expect(source.subscriptions).toEqual([0, 12]);
    follower.stop();
  });
});
