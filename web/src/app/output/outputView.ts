import { isProblem, isResult } from './lineKinds';
import type { OutputLine, OutputModel } from './outputModel';

/** All lines, only the hosts' task results, or only failures, unreachable hosts, warnings and errors. */
export type OutputFilter = 'all' | 'output' | 'errors';

export interface ViewOptions {
  filter: OutputFilter;
  /** Only the lines of this AWX job (a workflow node's), or every job's when null. */
  jobId: number | null;
}

function keeps(options: ViewOptions, line: OutputLine): boolean {
  if (options.jobId !== null && line.jobId !== options.jobId) {
    return false;
  }
  switch (options.filter) {
    case 'all':
      return true;
    case 'output':
      return isResult(line.kind);
    case 'errors':
      return isProblem(line.kind);
  }
}

/** The lines of a model a filter keeps, as positions into the model's lines, kept up to date as lines arrive. */
export class OutputView {
  private positions: number[] = [];
  private scanned = 0;
  private generation = -1;

  constructor(
    readonly model: OutputModel,
    readonly options: ViewOptions,
  ) {}

  get length(): number {
    return this.positions.length;
  }

  /** The model's index of the view's line at `position`. */
  lineIndex(position: number): number {
    return this.positions[position]!;
  }

  line(position: number): OutputLine {
    return this.model.lines[this.positions[position]!]!;
  }

  /** Takes in the model's new lines; true when the view was rebuilt (lines were inserted before the end). */
  sync(): boolean {
    const lines = this.model.lines;
    const rebuilt = this.generation !== this.model.generation;
    if (rebuilt) {
      this.generation = this.model.generation;
      this.positions = [];
      this.scanned = 0;
    }
    for (; this.scanned < lines.length; this.scanned++) {
      if (keeps(this.options, lines[this.scanned]!)) {
        this.positions.push(this.scanned);
      }
    }
    return rebuilt;
  }
}
