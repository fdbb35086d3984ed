import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Execution, OutputFollower, type WorkflowNodeChanged } from '../../client';
import { withFinished, withProgress, withResults, withSnapshot, withStatus } from '../monitor/liveUpdates';
import { HostTally } from '../output/hostTally';
import { OutputModel } from '../output/outputModel';
import { stallAfterMs } from '../shared/config';
import { useFrameBump } from '../shared/hooks';
import { describeError, useServices } from '../shared/services';

export interface ExecutionStream {
  execution: Execution | null;
  loadError: string | null;
  streamError: string | null;
  model: OutputModel;
  tally: HostTally;
  /** Grows as output arrives. */
  version: number;
  /** No heartbeat or event for the stall time while the job runs: shown as "Reconnecting". */
  stalled: boolean;
  /** Every node change pushed for a workflow, in arrival order, to apply to the graph on screen. */
  nodeChanges: readonly WorkflowNodeChanged[];
}

/** An execution and its output: history, then live, with status, progress and results kept current. */
export function useExecutionStream(executionId: string): ExecutionStream {
  const services = useServices();
  const model = useMemo(() => new OutputModel(), [executionId]);
  const tally = useMemo(() => new HostTally(), [executionId]);
  const [version, bump] = useFrameBump();
  const [execution, setExecution] = useState<Execution | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [streamError, setStreamError] = useState<string | null>(null);
  const [stalled, setStalled] = useState(false);
  const [nodeChanges, setNodeChanges] = useState<readonly WorkflowNodeChanged[]>([]);

  useEffect(() => {
    setExecution(null);
    setLoadError(null);
    setStreamError(null);
    setStalled(false);
    setNodeChanges([]);
    let current = true;
    services.api.get(executionId)
      .then((loaded) => current && setExecution((held) => held ?? loaded))
      .catch((error: unknown) => current && setLoadError(describeError(services, error)));

    const update = (change: (held: Execution) => Execution) => setExecution((held) => (held ? change(held) : held));
    const follower = new OutputFollower(services.hub, executionId, {
      events: (added) => {
        model.add(added);
        tally.add(added);
        bump();
      },
      snapshot: (snapshot) => setExecution((held) => withSnapshot(held, snapshot)),
      statusChanged: (change) => update((held) => withStatus(held, change)),
      progressed: (progress) => update((held) => withProgress(held, progress)),
      finished: (finished) => update((held) => withFinished(held, finished)),
      resultsParsed: (results) => update((held) => withResults(held, results)),
      workflowNodeChanged: (change) => setNodeChanges((held) => [...held, change]),
      stalledChanged: setStalled,
      error: (error) => setStreamError(error.message),
    }, { stallAfterMs: stallAfterMs() });
    follower.start()
      .then(() => current && setStreamError(null))
      .catch((error: unknown) => current && setStreamError(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
      follower.stop();
    };
  }, [executionId, services.hub]);

  return { execution, loadError, streamError, model, tally, version, stalled, nodeChanges };
}
