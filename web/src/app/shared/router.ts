import { useEffect, useState } from 'preact/hooks';

/** The pages the Gateway serves index.html for: `/` and `/executions/{id}`. */
export type Route =
  | { page: 'monitor'; search: string }
  | { page: 'execution'; executionId: string }
  | { page: 'missing'; path: string };

export function parseRoute(pathname: string, search: string): Route {
  if (pathname === '/' || pathname === '') {
    return { page: 'monitor', search };
  }
  const execution = /^\/executions\/([^/]+)\/?$/.exec(pathname);
  if (execution) {
    return { page: 'execution', executionId: decodeURIComponent(execution[1]!) };
  }
  return { page: 'missing', path: pathname };
}

const NAVIGATED = 'fabrik:navigated';

export function navigate(path: string, replace = false): void {
  if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return route;
}

/** A plain link that navigates inside the app, and still opens in a new tab on a middle or modified click. */
export function followLink(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(path);
}
