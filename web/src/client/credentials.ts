/** Where a client finds the Gateway and the credential to present. */
export interface ClientOptions {
  /** The Gateway's origin, e.g. `http://127.0.0.1:5080`; the page's own origin when left out. */
  baseUrl?: string;
  /**
   * The API key, or a bearer token (a JWT) from the Gateway's token issuer; read at each HTTP call, so signing in or
   * out takes effect at once.
   */
  credential?: () => string | null | undefined;
}

/** The header the Gateway reads an API key from. */
export const API_KEY_HEADER = 'X-Api-Key';

/** The query parameter the hub reads a key or token from: browsers cannot set headers on a WebSocket. */
export const HUB_CREDENTIAL_PARAMETER = 'access_token';

/** A compact JWT has three dot-separated parts; an API key has no dots. */
export function isBearerToken(credential: string): boolean {
  return credential.split('.').length === 3;
}

/** The headers that present a credential on an HTTP call: `Authorization: Bearer` for a token, `X-Api-Key` for a key. */
export function credentialHeaders(credential: string | null | undefined): Record<string, string> {
  if (!credential) {
    return {};
  }
  return isBearerToken(credential) ? { Authorization: `Bearer ${credential}` } : { [API_KEY_HEADER]: credential };
}

export function resolveUrl(options: ClientOptions, path: string): string {
  const base = options.baseUrl ?? globalThis.location?.origin;
  if (!base) {
    throw new Error('baseUrl is required outside a browser page.');
  }
  return new URL(path, base).toString();
}
