import type { JobEvent } from '../../client';

/** How a line of output reads: a host's result, a banner, the recap, a warning or plain text. */
export type LineKind =
  | 'ok' | 'changed' | 'failed' | 'ignored' | 'skipped' | 'unreachable' | 'warning' | 'banner' | 'recap' | 'plain';

const RESULT_KINDS: ReadonlySet<LineKind> = new Set(['ok', 'changed', 'failed', 'ignored', 'skipped', 'unreachable']);
const PROBLEM_KINDS: ReadonlySet<LineKind> = new Set(['failed', 'unreachable', 'warning']);

/** A warning or error Ansible prints outside any host result, possibly coloured. */
const PROBLEM_TEXT = /^(?:\u001b\[[0-9;]*m)*\s*(?:\[(?:WARNING|DEPRECATION WARNING|ERROR)\]|ERROR!)/;

type ClassifiedEvent = Pick<JobEvent, 'event' | 'changed' | 'event_data'>;

export function kindOfEvent(event: ClassifiedEvent): LineKind {
  switch (event.event) {
    case 'runner_on_ok':
    case 'runner_item_on_ok':
    case 'runner_on_async_ok':
      return event.changed ? 'changed' : 'ok';
    case 'runner_on_failed':
    case 'runner_item_on_failed':
    case 'runner_on_async_failed':
      return event.event_data?.['ignore_errors'] === true ? 'ignored' : 'failed';
    case 'runner_on_error':
    case 'error':
      return 'failed';
    case 'runner_on_skipped':
    case 'runner_item_on_skipped':
      return 'skipped';
    case 'runner_on_unreachable':
      return 'unreachable';
    case 'warning':
    case 'deprecated':
      return 'warning';
    case 'playbook_on_stats':
      return 'recap';
    case 'playbook_on_play_start':
    case 'playbook_on_task_start':
    case 'playbook_on_handler_task_start':
    case 'playbook_on_no_hosts_remaining':
    case 'playbook_on_no_hosts_matched':
    case 'playbook_on_include':
      return 'banner';
    default:
      return 'plain';
  }
}

export function kindOfLine(eventKind: LineKind, text: string): LineKind {
  return eventKind === 'plain' && PROBLEM_TEXT.test(text) ? 'warning' : eventKind;
}

/** A line of a host's task result: what the "output" filter keeps. */
export function isResult(kind: LineKind): boolean {
  return RESULT_KINDS.has(kind);
}

/** A failure, an unreachable host, a warning or an error: what the "errors" filter keeps. */
export function isProblem(kind: LineKind): boolean {
  return PROBLEM_KINDS.has(kind);
}
