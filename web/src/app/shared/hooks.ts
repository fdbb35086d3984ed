import { useEffect, useRef, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs` while `active`. */
export function useNow(intervalMs: number, active = true): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) {
      return;
    }
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, active]);
  return now;
}

/** A re-render at most once per animation frame, however often `bump` is called. */
export function useFrameBump(): [number, () => void] {
  const [version, setVersion] = useState(0);
  const pending = useRef(false);
  const bump = useRef(() => {
    if (pending.current) {
      return;
    }
    pending.current = true;
    requestAnimationFrame(() => {
      pending.current = false;
      setVersion((value) => value + 1);
    });
  });
  return [version, bump.current];
}
