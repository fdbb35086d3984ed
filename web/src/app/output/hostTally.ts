import type { HostOutcome, HostResult, JobEvent } from '../../client';

/**
 * A live per-host tally from the task results streamed so far, counted as Ansible's recap counts them: a changed
 * result is also ok, an ignored failure is ok, loop items are not counted (their task's result is).
 */
export class HostTally {
  private readonly rows = new Map<string, HostResult>();

  add(events: readonly JobEvent[]): void {
    for (const event of events) {
      if (!event.host) {
        continue;
      }
      const row = this.rows.get(event.host) ?? this.create(event.host);
      switch (event.event) {
        case 'runner_on_ok':
          row.ok++;
          if (event.changed) {
            row.changed++;
          }
          break;
        case 'runner_on_failed':
          if (event.event_data?.['ignore_errors'] === true) {
            row.ok++;
          } else {
            row.failed++;
          }
          break;
        case 'runner_on_skipped':
          row.skipped++;
          break;
        case 'runner_on_unreachable':
          row.unreachable++;
          break;
        default:
          continue;
      }
      row.status = outcomeOf(row);
    }
  }

  get size(): number {
    return this.rows.size;
  }

  results(): HostResult[] {
    return [...this.rows.values()].map((row) => ({ ...row })).sort((a, b) => a.host.localeCompare(b.host));
  }

  private create(host: string): HostResult {
    const row: HostResult = { host, status: 'ok', ok: 0, changed: 0, failed: 0, unreachable: 0, skipped: 0 };
    this.rows.set(host, row);
    return row;
  }
}

function outcomeOf(row: HostResult): HostOutcome {
  if (row.failed > 0) {
    return 'failed';
  }
  if (row.unreachable > 0) {
    return 'unreachable';
  }
  if (row.changed > 0) {
    return 'changed';
  }
  return row.ok > 0 ? 'ok' : 'skipped';
}
