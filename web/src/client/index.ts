/**
 * The Fabrik.Executions client: the Gateway's HTTP API and its SignalR hub, typed, with no UI framework. See README.md.
 */
export { ExecutionsApi, type ApprovalDecision, type EventsQuery, type ExportFormat, type StdoutFormat } from './api';
export { ApiError } from './apiError';
export {
  API_KEY_HEADER, HUB_CREDENTIAL_PARAMETER, type ClientOptions, credentialHeaders, isBearerToken,
} from './credentials';
export { EventLog, compareEvents, type EventKey } from './eventLog';
export { ExecutionsHub, HUB_PATH, type HubEvents, type HubOptions, type HubState, type OutputSource } from './hub';
export {
  DEFAULT_STALL_AFTER_MS, OutputFollower, type OutputFollowerListener, type OutputFollowerOptions,
} from './outputFollower';
export * from './types';
