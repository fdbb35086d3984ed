import { describe, expect, it } from 'vitest';
import { credentialHeaders, isBearerToken } from './credentials';

describe('credentialHeaders', () => {
  it('sends an API key as X-Api-Key', () => {
    expect(credentialHeaders('browser-tests-operator-key')).toEqual({ 'X-Api-Key': 'browser-tests-operator-key' });
  });

  it('sends a JWT as a bearer token', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    expect(isBearerToken(jwt)).toBe(true);
    expect(credentialHeaders(jwt)).toEqual({ Authorization: `Bearer ${jwt}` });
  });

  it('sends nothing without a credential', () => {
    expect(credentialHeaders(null)).toEqual({});
    expect(credentialHeaders('')).toEqual({});
  });
});
