import { compareEvents, type JobEvent } from '../../client';
import { type LineKind, kindOfEvent, kindOfLine } from './lineKinds';

/** One line of an execution's output, as it appears on screen. */
export interface OutputLine {
  readonly jobId: number;
  readonly counter: number;
  /** The line with its ANSI sequences. */
  readonly text: string;
  readonly kind: LineKind;
}

interface HeldEvent {
  readonly job_id: number;
  readonly counter: number;
  readonly lines: readonly OutputLine[];
}

/** An event's stdout as lines: none when empty, else one per `\r\n`, as AWX numbers them (start_line..end_line). */
export function splitLines(stdout: string): string[] {
  return stdout === '' ? [] : stdout.split(/\r?\n/);
}

/**
 * An execution's output as lines, in event order whatever order events arrive in. Only the lines are kept, not the
 * events' data, so a 100,000-event job stays light. Events must be new (an {@link EventLog} dedupes them first).
 */
export class OutputModel {
  private held: HeldEvent[] = [];
  private lineList: OutputLine[] = [];
  private rebuilt = 0;

  get lines(): readonly OutputLine[] {
    return this.lineList;
  }

  get eventCount(): number {
    return this.held.length;
  }

  /** Grows when events arrived before the end, moving lines: views built on earlier positions start over. */
  get generation(): number {
    return this.rebuilt;
  }

  add(events: readonly JobEvent[]): void {
    if (events.length === 0) {
      return;
    }
    const incoming = [...events].sort(compareEvents).map(toHeld);
    const last = this.held[this.held.length - 1];
    const first = incoming[0]!;
    if (!last || compareEvents(first, last) > 0) {
      for (const event of incoming) {
        this.held.push(event);
        for (const line of event.lines) {
          this.lineList.push(line);
        }
      }
      return;
    }
    this.held = merge(this.held, incoming);
    this.lineList = this.held.flatMap((event) => event.lines);
    this.rebuilt++;
  }
}

function toHeld(event: JobEvent): HeldEvent {
  const eventKind = kindOfEvent(event);
  return {
    job_id: event.job_id,
    counter: event.counter,
    lines: splitLines(event.stdout).map((text) => ({
      jobId: event.job_id,
      counter: event.counter,
      text,
      kind: kindOfLine(eventKind, text),
    })),
  };
}

function merge(held: readonly HeldEvent[], incoming: readonly HeldEvent[]): HeldEvent[] {
  const merged: HeldEvent[] = [];
  let i = 0;
  let j = 0;
  while (i < held.length || j < incoming.length) {
    const next = j >= incoming.length || (i < held.length && compareEvents(held[i]!, incoming[j]!) < 0)
      ? held[i++]!
      : incoming[j++]!;
    merged.push(next);
  }
  return merged;
}
