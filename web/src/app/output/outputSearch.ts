import { stripAnsi } from './ansi';
import type { OutputView } from './outputView';

/** The positions of a view whose text contains a query, ignoring case and ANSI colours; kept up to date as lines arrive. */
export class OutputSearch {
  private found: number[] = [];
  private hitSet = new Set<number>();
  private scanned = 0;
  private readonly needle: string;

  constructor(query: string) {
    this.needle = query.trim().toLowerCase();
  }

  get active(): boolean {
    return this.needle !== '';
  }

  get hits(): readonly number[] {
    return this.found;
  }

  isHit(position: number): boolean {
    return this.hitSet.has(position);
  }

  /** Scans what the view gained; starts over when the view was rebuilt. */
  sync(view: OutputView, rebuilt: boolean): void {
    if (rebuilt) {
      this.found = [];
      this.hitSet = new Set();
      this.scanned = 0;
    }
    if (!this.active) {
      this.scanned = view.length;
      return;
    }
    for (; this.scanned < view.length; this.scanned++) {
      if (stripAnsi(view.line(this.scanned).text).toLowerCase().includes(this.needle)) {
        this.found.push(this.scanned);
        this.hitSet.add(this.scanned);
      }
    }
  }

  /** The hit after (`step` 1) or before (`step` -1) the current one, wrapping around; -1 when there is none. */
  step(current: number, step: 1 | -1): number {
    if (this.found.length === 0) {
      return -1;
    }
    return (current + step + this.found.length) % this.found.length;
  }
}
