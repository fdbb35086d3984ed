import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ApiError, type ExecutionsApi, type ExecutionsHub, type Principal } from '../../client';

export interface Services {
  api: ExecutionsApi;
  hub: ExecutionsHub;
  /** Who is signed in; null when the Gateway does not say (it has no `/api/v1/me`). */
  principal: Principal | null;
  /**
   * False for a viewer: no action buttons. When the Gateway does not say the role, the buttons show until it refuses
   * an action (403), and then they go.
   */
  canOperate: boolean;
  /** Asks for a key when the Gateway answered 401. */
  requireSignIn(reason: string): void;
  /** The Gateway refused an action to this key (403): it is a viewer's. */
  refusedAction(): void;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) {
    throw new Error('useServices outside ServicesContext.');
  }
  return services;
}

/** The words to show for a failed call; a 401 also brings up the sign-in form. */
export function describeError(services: Services, error: unknown): string {
  if (error instanceof ApiError && error.isUnauthorized) {
    services.requireSignIn(error.message);
  }
  if (error instanceof ApiError && error.isForbidden) {
    services.refusedAction();
    return `Not allowed with this key: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
