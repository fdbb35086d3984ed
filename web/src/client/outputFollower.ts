import { EventLog } from './eventLog';
import type { HubEvents, OutputSource } from './hub';
import type {
  Execution, ExecutionFinished, ExecutionProgressed, ExecutionResultsParsed, ExecutionStatus, ExecutionStatusChanged,
  JobEvent, StreamHeartbeat, TemplateKind, WorkflowNodeChanged,
} from './types';
import { isTerminal } from './types';

/** What a follower tells its owner; every callback is about the followed execution only. */
export interface OutputFollowerListener {
  /** Events not seen before, in output order (job, then counter). */
  events?(added: JobEvent[]): void;
  snapshot?(execution: Execution): void;
  statusChanged?(change: ExecutionStatusChanged): void;
  progressed?(progress: ExecutionProgressed): void;
  finished?(finished: ExecutionFinished): void;
  resultsParsed?(results: ExecutionResultsParsed): void;
  workflowNodeChanged?(change: WorkflowNodeChanged): void;
  /** True after {@link OutputFollowerOptions.stallAfterMs} without a heartbeat or event while the job runs; false when the stream moves again. */
  stalledChanged?(stalled: boolean): void;
  /** A subscription failed (the execution does not exist, the connection dropped mid-call). */
  error?(error: Error): void;
}

export interface OutputFollowerOptions {
  /** How long a running execution may stay silent (no event, no heartbeat) before it counts as stalled. Default 15 s. */
  stallAfterMs?: number;
}

export const DEFAULT_STALL_AFTER_MS = 15_000;

/** Statuses in which a poller streams the execution and so sends a heartbeat every 5 s. */
const STREAMING: readonly ExecutionStatus[] = ['waiting', 'running'];

/**
 * Follows one execution's output: loads its history and continues live with no gap and no duplicate. It subscribes
 * from counter 0; after a lost connection, a stall or a heartbeat showing counters it lacks, it subscribes again from
 * the last counter it holds without a gap, and the replay overlapping live pushes is harmless because
 * {@link log} keeps one event per (job_id, counter).
 */
export class OutputFollower {
  readonly log = new EventLog<JobEvent>();
  private readonly stallAfterMs: number;
  private readonly unsubscribers: (() => void)[] = [];
  private status: ExecutionStatus | null = null;
  private kind: TemplateKind | null = null;
  private lastActivity = Date.now();
  private lastAttempt = 0;
  private isStalled = false;
  private gapSeenAt: number | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private subscribing: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly source: OutputSource,
    readonly executionId: string,
    private readonly listener: OutputFollowerListener,
    options: OutputFollowerOptions = {},
  ) {
    this.stallAfterMs = options.stallAfterMs ?? DEFAULT_STALL_AFTER_MS;
  }

  get stalled(): boolean {
    return this.isStalled;
  }

  /** Subscribes; resolves once the history is replayed. */
  start(): Promise<void> {
    this.unsubscribers.push(
      this.source.on(this.handlers()),
      this.source.onReconnected(() => void this.resubscribe().catch((error: Error) => this.listener.error?.(error))),
    );
    this.lastActivity = Date.now();
    this.timer = setInterval(() => this.checkStall(), Math.max(100, Math.min(1000, this.stallAfterMs / 4)));
    return this.resubscribe();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) {
      clearInterval(this.timer);
    }
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    this.source.unsubscribeFromOutput(this.executionId).catch(() => undefined);
  }

  /** Subscribes again from the last counter held; a call made while one runs makes it run once more. */
  resubscribe(): Promise<void> {
    if (this.subscribing) {
      this.again = true;
      return this.subscribing;
    }
    this.subscribing = (async () => {
      try {
        do {
          this.again = false;
          this.lastAttempt = Date.now();
          await this.source.subscribeToOutput(this.executionId, this.resumeAfter());
        } while (this.again && !this.stopped);
      } finally {
        this.subscribing = null;
      }
    })();
    return this.subscribing;
  }

  /**
   * A workflow's jobs share one cursor on the hub, and a job not seen yet would be skipped by any cursor above 0, so a
   * workflow replays from the start (the log drops what it holds).
   */
  private resumeAfter(): number {
    return this.kind === 'workflow' ? 0 : this.log.resumeAfter();
  }

  private handlers(): Partial<HubEvents> {
    const mine = (executionId: string) => executionId === this.executionId && !this.stopped;
    return {
      jobEvents: (executionId, events) => {
        if (!mine(executionId)) {
          return;
        }
        this.moved();
        const added = this.log.add(events);
        if (added.length > 0) {
          this.listener.events?.(added);
        }
      },
      executionSnapshot: (execution) => {
        if (!mine(execution.id)) {
          return;
        }
        this.status = execution.status;
        this.kind = execution.template.kind;
        if (isTerminal(execution.status)) {
          this.setStalled(false);
        }
        this.listener.snapshot?.(execution);
      },
      executionStatusChanged: (change) => {
        if (mine(change.execution_id)) {
          this.status = change.status;
          this.moved();
          this.listener.statusChanged?.(change);
        }
      },
      executionProgressed: (progress) => {
        if (mine(progress.execution_id)) {
          this.moved();
          this.listener.progressed?.(progress);
        }
      },
      streamHeartbeat: (heartbeat) => {
        if (mine(heartbeat.execution_id)) {
          this.moved();
          this.checkGap(heartbeat);
        }
      },
      workflowNodeChanged: (change) => {
        if (mine(change.execution_id)) {
          this.moved();
          this.listener.workflowNodeChanged?.(change);
        }
      },
      executionFinished: (finished) => {
        if (mine(finished.execution_id)) {
          this.status = finished.status;
          this.moved();
          this.listener.finished?.(finished);
        }
      },
      executionResultsParsed: (results) => {
        if (mine(results.execution_id)) {
          this.listener.resultsParsed?.(results);
        }
      },
    };
  }

  private moved(): void {
    this.lastActivity = Date.now();
    this.setStalled(false);
  }

  /**
   * A heartbeat names the highest counter stored without a gap. Live pushes travel separately and may trail it
   * briefly, so a gap counts only when the next heartbeat finds it still open: then the missing events are replayed.
   */
  private checkGap(heartbeat: StreamHeartbeat): void {
    if (this.kind === 'workflow') {
      return;
    }
    const held = this.log.resumeAfter();
    if (heartbeat.watermark <= held) {
      this.gapSeenAt = null;
    } else if (this.gapSeenAt !== null && held < this.gapSeenAt) {
      this.gapSeenAt = null;
      void this.resubscribe().catch((error: Error) => this.listener.error?.(error));
    } else {
      this.gapSeenAt = heartbeat.watermark;
    }
  }

  private checkStall(): void {
    if (this.stopped || this.status === null || !STREAMING.includes(this.status)) {
      return;
    }
    const now = Date.now();
    if (now - this.lastActivity < this.stallAfterMs) {
      return;
    }
    this.setStalled(true);
    if (now - this.lastAttempt >= this.stallAfterMs) {
      // The Gateway may be back with the subscription lost, or events may have been missed: ask again.
      void this.resubscribe().catch(() => undefined);
    }
  }

  private setStalled(stalled: boolean): void {
    if (stalled !== this.isStalled) {
      this.isStalled = stalled;
      this.listener.stalledChanged?.(stalled);
    }
  }
}
