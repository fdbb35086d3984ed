/** What identifies a job event within an execution. */
export interface EventKey {
  job_id: number;
  counter: number;
}

/** Job order, then counter order: the order in which an execution's output reads. */
export function compareEvents(a: EventKey, b: EventKey): number {
  return a.job_id - b.job_id || a.counter - b.counter;
}

interface JobCounters {
  readonly counters: Set<number>;
  /** The highest counter with every counter from 1 up to it held. */
  watermark: number;
}

/**
 * Keeps one event per (job_id, counter), however often replay, live pushes and redeliveries bring it, and knows for
 * each job how far its counters are held without a gap: the point to resume from after a disconnection.
 */
export class EventLog<T extends EventKey> {
  private readonly jobs = new Map<number, JobCounters>();
  private held = 0;

  /** Adds what is new and returns it in output order; events already held are dropped. */
  add(events: Iterable<T>): T[] {
    const added: T[] = [];
    for (const event of events) {
      let job = this.jobs.get(event.job_id);
      if (!job) {
        job = { counters: new Set(), watermark: 0 };
        this.jobs.set(event.job_id, job);
      }
      if (job.counters.has(event.counter)) {
        continue;
      }
      job.counters.add(event.counter);
      while (job.counters.has(job.watermark + 1)) {
        job.watermark++;
      }
      added.push(event);
    }
    this.held += added.length;
    return added.sort(compareEvents);
  }

  /** How many distinct events are held. */
  get size(): number {
    return this.held;
  }

  has(jobId: number, counter: number): boolean {
    return this.jobs.get(jobId)?.counters.has(counter) ?? false;
  }

  /** The highest counter of the job held with every counter below it; 0 when none. */
  watermark(jobId: number): number {
    return this.jobs.get(jobId)?.watermark ?? 0;
  }

  jobIds(): number[] {
    return [...this.jobs.keys()].sort((a, b) => a - b);
  }

  /** The counter to resume after so that nothing held is missing: the lowest watermark of the jobs held. */
  resumeAfter(): number {
    let lowest: number | null = null;
    for (const job of this.jobs.values()) {
      lowest = lowest === null ? job.watermark : Math.min(lowest, job.watermark);
    }
    return lowest ?? 0;
  }
}
