import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, ExecutionsApi, ExecutionsHub, type HubState, type Principal } from '../client';
import { ExecutionPage } from './execution/ExecutionPage';
import { MonitorPage } from './monitor/MonitorPage';
import { followLink, useRoute } from './shared/router';
import { type Services, ServicesContext } from './shared/services';
import { forgetKey, storeKey, storedKey } from './shared/session';
import { SignIn } from './SignIn';

/** What the Gateway says about the key: who it is, that it has no `/api/v1/me` (unknown), or not known yet. */
type Identity = { state: 'loading' } | { state: 'known'; principal: Principal } | { state: 'unknown' };

const HUB_STATE_LABELS: Record<HubState, string> = {
  connected: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost, retrying…',
  disconnected: 'Offline',
  unauthorized: 'Key refused',
};

export function App() {
  const route = useRoute();
  const [key, setKey] = useState(() => storedKey(localStorage));
  const [signIn, setSignIn] = useState<{ reason: string | null } | null>(null);
  const [identity, setIdentity] = useState<Identity>({ state: 'loading' });
  const [hubState, setHubState] = useState<HubState>('disconnected');
  const [refused, setRefused] = useState(false);

  const clients = useMemo(() => {
    const options = { credential: () => key };
    return { api: new ExecutionsApi(options), hub: new ExecutionsHub(options) };
  }, [key]);

  useEffect(() => {
    const unsubscribe = clients.hub.onStateChange((state) => {
      setHubState(state);
      if (state === 'unauthorized') {
        setSignIn({ reason: 'The Gateway refused this key for the live connection.' });
      }
    });
    clients.hub.start().catch(() => undefined);
    return () => {
      unsubscribe();
      void clients.hub.stop();
    };
  }, [clients]);

  useEffect(() => {
    setIdentity({ state: 'loading' });
    setRefused(false);
    clients.api.me()
      .then((principal) => setIdentity({ state: 'known', principal }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.isUnauthorized) {
          setSignIn({ reason: key ? 'The Gateway refused this key.' : 'This Gateway needs an API key.' });
        }
        setIdentity({ state: 'unknown' });
      });
  }, [clients]);

  const services: Services = useMemo(() => ({
    ...clients,
    principal: identity.state === 'known' ? identity.principal : null,
    canOperate: !refused
      && (identity.state === 'unknown' || (identity.state === 'known' && identity.principal.role === 'operator')),
    requireSignIn: (reason: string) => setSignIn({ reason }),
    refusedAction: () => setRefused(true),
  }), [clients, identity, refused]);

  const signInWith = (next: string) => {
    storeKey(localStorage, next);
    setSignIn(null);
    setKey(next);
  };
  const signOut = () => {
    forgetKey(localStorage);
    setKey(null);
    setSignIn({ reason: null });
  };

  return (
    <ServicesContext.Provider value={services}>
      <header class="topbar">
        <a class="brand" href="/" onClick={(event) => followLink(event, '/')}>Fabrik <span>Executions</span></a>
        <span class={`connection connection--${hubState}`} data-testid="connection" data-state={hubState}>{HUB_STATE_LABELS[hubState]}</span>
        <span class="who">
          {identity.state === 'known' && (
            <span data-testid="principal" data-role={identity.principal.role}>{identity.principal.name} · {identity.principal.role}</span>
          )}
          {key
            ? <button type="button" class="link" onClick={signOut}>Sign out</button>
            : <button type="button" class="link" onClick={() => setSignIn({ reason: null })}>Sign in</button>}
        </span>
      </header>
      {signIn ? (
        <SignIn reason={signIn.reason} onSignIn={signInWith} onCancel={key ? () => setSignIn(null) : null} />
      ) : route.page === 'monitor' ? (
        <MonitorPage search={route.search} />
      ) : route.page === 'execution' ? (
        <ExecutionPage executionId={route.executionId} />
      ) : (
        <main class="page"><p class="banner banner--error">Nothing is at {route.path}.</p></main>
      )}
    </ServicesContext.Provider>
  );
}
