import { useState } from 'preact/hooks';
import { ApiError } from '../../client';
import { describeError, useServices } from './services';

export interface Action {
  run(call: () => Promise<void>): Promise<void>;
  busy: boolean;
  /** What the last attempt answered, when it failed. */
  error: string | null;
  /** Set when the Gateway has no such endpoint (404): the control stays disabled with this message. */
  unavailable: string | null;
}

/**
 * A call behind a button: busy while it runs, its failure in words, and disabled for good when the Gateway answers
 * 404, which for an execution on screen means the endpoint itself is missing.
 */
export function useAction(name: string): Action {
  const services = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  return {
    busy,
    error,
    unavailable,
    async run(call) {
      setBusy(true);
      setError(null);
      try {
        await call();
      } catch (failure) {
        if (failure instanceof ApiError && failure.isNotFound) {
          setUnavailable(`${name} is not available on this Gateway yet (${failure.method} ${failure.path} answered 404).`);
        } else {
          setError(describeError(services, failure));
        }
      } finally {
        setBusy(false);
      }
    },
  };
}
