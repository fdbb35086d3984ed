import { describe, expect, it } from 'vitest';
import { counters, jobEvent } from '../../test/events';
import { HostTally } from './hostTally';
import { OutputModel, splitLines } from './outputModel';
import { OutputSearch } from './outputSearch';
import { OutputView } from './outputView';

describe('splitLines', () => {
  it('numbers lines as AWX does: none for empty stdout, one per \\r\\n', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\r\nTASK [x] ***')).toEqual(['', 'TASK [x] ***']);
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b', '']);
  });
});

describe('OutputModel', () => {
  it('appends lines of events arriving in order', () => {
    const model = new OutputModel();
    model.add(counters(1, 3));
    model.add(counters(4, 5));
    expect(model.lines.map((line) => line.counter)).toEqual([1, 2, 3, 4, 5]);
    expect(model.generation).toBe(0);
  });

  it('places a late event where its counter belongs and marks the lines as moved', () => {
    const model = new OutputModel();
    model.add([jobEvent(1), jobEvent(3)]);
    model.add([jobEvent(2, { stdout: 'two\r\nlines' })]);
    expect(model.lines.map((line) => line.text.replace(/\u001b\[[0-9;]*m/g, ''))).toEqual([
      'ok: [leaf-101.lab] line 1', 'two', 'lines', 'ok: [leaf-101.lab] line 3',
    ]);
    expect(model.generation).toBe(1);
  });

  it('classifies lines by their event for colour-coding', () => {
    const model = new OutputModel();
    model.add([
      jobEvent(1, { event: 'playbook_on_task_start', stdout: '\r\nTASK [Configure] ***', host: null }),
      jobEvent(2, { event: 'runner_on_ok', changed: true }),
      jobEvent(3, { event: 'runner_on_failed' }),
      jobEvent(4, { event: 'runner_on_skipped' }),
      jobEvent(5, { event: 'runner_on_unreachable' }),
      jobEvent(6, { event: 'runner_on_failed', event_data: { ignore_errors: true } }),
      jobEvent(7, { event: 'verbose', stdout: '\u001b[1;35m[WARNING]: something\u001b[0m' }),
      jobEvent(8, { event: 'playbook_on_stats', stdout: 'PLAY RECAP' }),
    ]);
    expect(model.lines.map((line) => line.kind)).toEqual([
      'banner', 'banner', 'changed', 'failed', 'skipped', 'unreachable', 'ignored', 'warning', 'recap',
    ]);
  });
});

describe('OutputView', () => {
  const model = () => {
    const output = new OutputModel();
    output.add([
      jobEvent(1, { event: 'playbook_on_task_start', stdout: 'TASK [a]' }),
      jobEvent(2, { event: 'runner_on_ok' }),
      jobEvent(3, { event: 'runner_on_failed' }),
      jobEvent(4, { event: 'runner_on_ok', job_id: 8 }),
    ]);
    return output;
  };

  it('keeps all lines, the host results, or the failures', () => {
    const output = model();
    const positions = (view: OutputView) => {
      view.sync();
      return Array.from({ length: view.length }, (_, index) => view.lineIndex(index));
    };
    expect(positions(new OutputView(output, { filter: 'all', jobId: null }))).toEqual([0, 1, 2, 3]);
    expect(positions(new OutputView(output, { filter: 'output', jobId: null }))).toEqual([1, 2, 3]);
    expect(positions(new OutputView(output, { filter: 'errors', jobId: null }))).toEqual([2]);
    expect(positions(new OutputView(output, { filter: 'all', jobId: 8 }))).toEqual([3]);
  });

  it('takes in appended lines and starts over when lines moved', () => {
    const output = new OutputModel();
    const view = new OutputView(output, { filter: 'errors', jobId: null });
    output.add([jobEvent(1), jobEvent(3, { event: 'runner_on_failed' })]);
    expect(view.sync()).toBe(true);
    expect(view.length).toBe(1);

    output.add([jobEvent(4, { event: 'runner_on_unreachable' })]);
    expect(view.sync()).toBe(false);
    expect(view.length).toBe(2);

    output.add([jobEvent(2, { event: 'runner_on_failed' })]);
    expect(view.sync()).toBe(true);
    expect(view.length).toBe(3);
    expect(view.line(0).counter).toBe(2);
  });
});

describe('OutputSearch', () => {
  it('finds lines ignoring case and colours, and steps through hits both ways', () => {
    const output = new OutputModel();
    output.add(counters(1, 30));
    const view = new OutputView(output, { filter: 'all', jobId: null });
    const search = new OutputSearch('LINE 2');
    search.sync(view, view.sync());

    expect(search.hits).toEqual([1, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]);
    expect(search.step(-1, 1)).toBe(0);
    expect(search.step(0, -1)).toBe(10);
    expect(search.step(10, 1)).toBe(0);
  });

  it('searches only what arrived since, until lines move', () => {
    const output = new OutputModel();
    const view = new OutputView(output, { filter: 'all', jobId: null });
    const search = new OutputSearch('needle');
    output.add([jobEvent(1, { stdout: 'needle one' })]);
    search.sync(view, view.sync());
    output.add([jobEvent(3, { stdout: 'needle three' })]);
    search.sync(view, view.sync());
    expect(search.hits).toEqual([0, 1]);

    output.add([jobEvent(2, { stdout: 'needle two' })]);
    search.sync(view, view.sync());
    expect(search.hits).toEqual([0, 1, 2]);
  });

  it('finds nothing for a blank query', () => {
    const search = new OutputSearch('  ');
    expect(search.active).toBe(false);
    expect(search.step(-1, 1)).toBe(-1);
  });
});

describe('HostTally', () => {
  it('counts task results per host as the recap does', () => {
    const tally = new HostTally();
    tally.add([
      jobEvent(1, { event: 'runner_on_ok', host: 'a' }),
      jobEvent(2, { event: 'runner_on_ok', host: 'a', changed: true }),
      jobEvent(3, { event: 'runner_item_on_ok', host: 'a' }),
      jobEvent(4, { event: 'runner_on_failed', host: 'b' }),
      jobEvent(5, { event: 'runner_on_failed', host: 'b', event_data: { ignore_errors: true } }),
      jobEvent(6, { event: 'runner_on_unreachable', host: 'c' }),
      jobEvent(7, { event: 'runner_on_skipped', host: 'd' }),
      jobEvent(8, { event: 'playbook_on_stats', host: null }),
    ]);
    expect(tally.results()).toEqual([
      { host: 'a', status: 'changed', ok: 2, changed: 1, failed: 0, unreachable: 0, skipped: 0 },
      { host: 'b', status: 'failed', ok: 1, changed: 0, failed: 1, unreachable: 0, skipped: 0 },
      { host: 'c', status: 'unreachable', ok: 0, changed: 0, failed: 0, unreachable: 1, skipped: 0 },
      { host: 'd', status: 'skipped', ok: 0, changed: 0, failed: 0, unreachable: 0, skipped: 1 },
    ]);
  });
});
