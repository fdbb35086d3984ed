import { DEFAULT_STALL_AFTER_MS } from '../../client';

/** Settings a page may set before the app starts (`window.fabrikConfig = { stallSeconds: 2 }`), e.g. in tests. */
export interface FabrikConfig {
  /** Seconds without a heartbeat or event before a running execution shows "Reconnecting"; 15 by default. */
  stallSeconds?: number;
}

declare global {
  interface Window {
    fabrikConfig?: FabrikConfig;
  }
}

export function stallAfterMs(): number {
  const seconds = window.fabrikConfig?.stallSeconds;
  return typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : DEFAULT_STALL_AFTER_MS;
}
