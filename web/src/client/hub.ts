import { HttpError, type HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import { type ClientOptions, HUB_CREDENTIAL_PARAMETER, resolveUrl } from './credentials';
import type {
  Execution, ExecutionFinished, ExecutionProgressed, ExecutionResultsParsed, ExecutionStatusChanged, JobEvent,
  StreamHeartbeat, WorkflowNodeChanged,
} from './types';

export const HUB_PATH = '/hubs/executions';

/** What the hub calls on its clients, by the names the hub uses. */
export interface HubEvents {
  /** Events of one execution, in counter order within each job; may repeat events already sent. */
  jobEvents(executionId: string, events: JobEvent[]): void;
  /** The execution as stored, sent after the replay of a `SubscribeToOutput`. */
  executionSnapshot(execution: Execution): void;
  executionStatusChanged(change: ExecutionStatusChanged): void;
  executionProgressed(progress: ExecutionProgressed): void;
  streamHeartbeat(heartbeat: StreamHeartbeat): void;
  workflowNodeChanged(change: WorkflowNodeChanged): void;
  executionFinished(finished: ExecutionFinished): void;
  executionResultsParsed(results: ExecutionResultsParsed): void;
}

const HUB_METHODS: { readonly [K in keyof HubEvents]: string } = {
  jobEvents: 'JobEvents',
  executionSnapshot: 'ExecutionSnapshot',
  executionStatusChanged: 'ExecutionStatusChanged',
  executionProgressed: 'ExecutionProgressed',
  streamHeartbeat: 'StreamHeartbeat',
  workflowNodeChanged: 'WorkflowNodeChanged',
  executionFinished: 'ExecutionFinished',
  executionResultsParsed: 'ExecutionResultsParsed',
};

/** `unauthorized`: the Gateway refused the credential; the hub stops trying until a new hub is made with another. */
export type HubState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'unauthorized';

export interface HubOptions extends ClientOptions {
  /** Waits between attempts to connect again, in ms; the last one repeats for as long as it takes. */
  retryDelaysMs?: readonly number[];
  logLevel?: LogLevel;
}

/** What an {@link OutputFollower} needs of a hub; {@link ExecutionsHub} is one. */
export interface OutputSource {
  on(listener: Partial<HubEvents>): () => void;
  /** Called after each connection that follows a lost one: subscriptions must be made again. */
  onReconnected(listener: () => void): () => void;
  subscribeToOutput(executionId: string, afterCounter: number): Promise<void>;
  unsubscribeFromOutput(executionId: string): Promise<void>;
}

const DEFAULT_RETRY_DELAYS_MS = [0, 1000, 2000, 5000];

/**
 * The `/hubs/executions` connection. It never gives up on a lost connection: it retries with
 * {@link HubOptions.retryDelaysMs} and tells {@link onReconnected} listeners when it is back, since the Gateway
 * forgets a connection's subscriptions when the connection ends. The credential (read once, at construction) travels
 * as the `access_token` query parameter of every request, negotiate included, because browsers cannot set headers on
 * a WebSocket: make a new hub when it changes.
 */
export class ExecutionsHub implements OutputSource {
  private readonly connection: HubConnection;
  private readonly delays: readonly number[];
  private readonly listeners = new Set<Partial<HubEvents>>();
  private readonly stateListeners = new Set<(state: HubState) => void>();
  private readonly reconnectedListeners = new Set<() => void>();
  private current: HubState = 'disconnected';
  private stopped = true;
  private connecting: Promise<void> | null = null;

  constructor(options: HubOptions = {}) {
    const credential = options.credential?.();
    const url = new URL(resolveUrl(options, HUB_PATH));
    if (credential) {
      url.searchParams.set(HUB_CREDENTIAL_PARAMETER, credential);
    }
    this.delays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
    this.connection = new HubConnectionBuilder()
      .withUrl(url.toString())
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => this.delayFor(context.previousRetryCount) })
      .configureLogging(options.logLevel ?? LogLevel.Warning)
      .build();
    for (const [name, method] of Object.entries(HUB_METHODS) as [keyof HubEvents, string][]) {
      this.connection.on(method, (...args: unknown[]) => this.dispatch(name, args));
    }
    this.connection.onreconnecting(() => this.setState('reconnecting'));
    this.connection.onreconnected(() => this.connected(true));
    // Automatic reconnection gives up on some closes (the server's own, a failed handshake); this hub does not.
    this.connection.onclose(() => {
      if (this.stopped) {
        this.setState('disconnected');
      } else {
        void this.connect(true);
      }
    });
  }

  get state(): HubState {
    return this.current;
  }

  /** Connects, retrying until connected; rejects only when the Gateway refuses the credential or {@link stop} is called. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect(false);
    if (this.current !== 'connected') {
      throw new Error(this.current === 'unauthorized'
        ? 'The Gateway refused the credential for the live connection.'
        : 'The live connection was stopped.');
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop();
    this.setState('disconnected');
  }

  on(listener: Partial<HubEvents>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStateChange(listener: (state: HubState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onReconnected(listener: () => void): () => void {
    this.reconnectedListeners.add(listener);
    return () => this.reconnectedListeners.delete(listener);
  }

  /**
   * Joins the execution's group, then replays its stored events after `afterCounter` (JobEvents), then sends its
   * snapshot (ExecutionSnapshot); live events follow. Resolves when the replay is done.
   */
  async subscribeToOutput(executionId: string, afterCounter: number): Promise<void> {
    await this.whenConnected();
    await this.connection.invoke('SubscribeToOutput', executionId, afterCounter);
  }

  async unsubscribeFromOutput(executionId: string): Promise<void> {
    if (this.connection.state === HubConnectionState.Connected) {
      await this.connection.invoke('UnsubscribeFromOutput', executionId);
    }
  }

  /** Status, progress, ends and results of every execution, for a live list. */
  async subscribeToMonitor(): Promise<void> {
    await this.whenConnected();
    await this.connection.invoke('SubscribeToMonitor');
  }

  async unsubscribeFromMonitor(): Promise<void> {
    if (this.connection.state === HubConnectionState.Connected) {
      await this.connection.invoke('UnsubscribeFromMonitor');
    }
  }

  private connect(afterLoss: boolean): Promise<void> {
    this.connecting ??= this.connectUntilStopped(afterLoss).finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connectUntilStopped(afterLoss: boolean): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      this.setState(afterLoss ? 'reconnecting' : 'connecting');
      try {
        await this.connection.start();
        this.connected(afterLoss);
        return;
      } catch (error) {
        if (error instanceof HttpError && (error.statusCode === 401 || error.statusCode === 403)) {
          this.stopped = true;
          this.setState('unauthorized');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, this.delayFor(attempt)));
      }
    }
  }

  private connected(afterLoss: boolean): void {
    this.setState('connected');
    if (afterLoss) {
      for (const listener of [...this.reconnectedListeners]) {
        listener();
      }
    }
  }

  private whenConnected(): Promise<void> {
    if (this.current === 'connected') {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const unsubscribe = this.onStateChange((state) => {
        if (state === 'connected') {
          unsubscribe();
          resolve();
        } else if (state === 'unauthorized' || (state === 'disconnected' && this.stopped)) {
          unsubscribe();
          reject(new Error(`The live connection is ${state}.`));
        }
      });
    });
  }

  private delayFor(retry: number): number {
    return this.delays[Math.min(retry, this.delays.length - 1)] ?? 5000;
  }

  private setState(state: HubState): void {
    if (state === this.current) {
      return;
    }
    this.current = state;
    for (const listener of [...this.stateListeners]) {
      listener(state);
    }
  }

  private dispatch(name: keyof HubEvents, args: unknown[]): void {
    for (const listener of [...this.listeners]) {
      const handler = listener[name] as ((...values: unknown[]) => void) | undefined;
      handler?.(...args);
    }
  }
}
