import { useState } from 'preact/hooks';
import { describeError, useServices } from './services';

export interface Action {
  run(call: () => Promise<void>): Promise<void>;
  busy: boolean;
  /** What the last attempt answered, when it failed. */
  error: string | null;
}

/** A call behind a button: busy while it runs, and its failure in words. */
export function useAction(): Action {
  const services = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    async run(call) {
      setBusy(true);
      setError(null);
      try {
        await call();
      } catch (failure) {
        setError(describeError(services, failure));
      } finally {
        setBusy(false);
      }
    },
  };
}
