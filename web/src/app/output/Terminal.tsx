import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCount } from '../shared/format';
import { lineHtml } from './lineHtml';
import type { OutputModel } from './outputModel';
import { OutputSearch } from './outputSearch';
import { type OutputFilter, OutputView } from './outputView';
import { useVirtualizer } from './useVirtualizer';

/** Must match `.line` height in styles.css: every line is one row of this height, so only visible rows exist. */
export const ROW_HEIGHT = 18;

const FILTERS: { value: OutputFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'output', label: 'Output' },
  { value: 'errors', label: 'Errors' },
];

interface TerminalProps {
  model: OutputModel;
  /** Changes whenever the model gained lines. */
  version: number;
  /** Only this AWX job's lines (a workflow node's). */
  jobId?: number | null;
  /** Shown in the toolbar: a download menu, for instance. */
  tools?: preact.ComponentChildren;
}

/** The streamed output, virtualized: the DOM holds the rows on screen and a few more, whatever the output's size. */
export function Terminal({ model, version, jobId = null, tools }: TerminalProps) {
  const [filter, setFilter] = useState<OutputFilter>('all');
  const [query, setQuery] = useState('');
  const [appliedQuery, setAppliedQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const [following, setFollowing] = useState(true);
  const scrollRef = useRef<HTMLDivElement>(null);

  const view = useMemo(() => new OutputView(model, { filter, jobId }), [model, filter, jobId]);
  const search = useMemo(() => new OutputSearch(appliedQuery), [view, appliedQuery]);
  const rebuilt = view.sync();
  search.sync(view, rebuilt);

  const virtualizer = useVirtualizer(scrollRef, view.length, ROW_HEIGHT);

  useEffect(() => {
    const timer = setTimeout(() => setAppliedQuery(query), 200);
    return () => clearTimeout(timer);
  }, [query]);

  useEffect(() => setCurrent(-1), [search]);

  useLayoutEffect(() => {
    if (following && view.length > 0) {
      virtualizer.scrollToIndex(view.length - 1, { align: 'end' });
    }
  }, [following, version, view, view.length]);

  const goTo = (step: 1 | -1) => {
    const next = search.step(current, step);
    if (next < 0) {
      return;
    }
    setCurrent(next);
    setFollowing(false);
    virtualizer.scrollToIndex(search.hits[next]!, { align: 'center' });
  };

  const pauseOnUserScroll = (event: WheelEvent | KeyboardEvent | PointerEvent) => {
    const upward = event instanceof WheelEvent
      ? event.deltaY < 0
      : event instanceof KeyboardEvent
        ? ['ArrowUp', 'PageUp', 'Home'].includes(event.key)
        : event.target === scrollRef.current;
    if (upward && following) {
      setFollowing(false);
    }
  };

  const currentPosition = current >= 0 ? search.hits[current] : undefined;
  const items = virtualizer.getVirtualItems();

  return (
    <section
      class="terminal"
      data-lines={model.lines.length}
      data-events={model.eventCount}
      data-view-lines={view.length}
      data-following={following}
    >
      <div class="terminal__toolbar">
        <div class="segmented" role="group" aria-label="Show">
          {FILTERS.map((option) => (
            <button
              type="button"
              class={filter === option.value ? 'is-selected' : ''}
              aria-pressed={filter === option.value}
              onClick={() => setFilter(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <div class="search" role="search">
          <input
            type="search"
            placeholder="Search output"
            aria-label="Search output"
            value={query}
            onInput={(event) => setQuery(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                if (appliedQuery !== query) {
                  setAppliedQuery(query);
                } else {
                  goTo(event.shiftKey ? -1 : 1);
                }
              }
            }}
          />
          <button type="button" title="Previous hit (Shift+Enter)" aria-label="Previous hit" onClick={() => goTo(-1)} disabled={search.hits.length === 0}>↑</button>
          <button type="button" title="Next hit (Enter)" aria-label="Next hit" onClick={() => goTo(1)} disabled={search.hits.length === 0}>↓</button>
          <span class="search__count" data-hits={search.hits.length}>
            {search.active ? `${current >= 0 ? current + 1 : 0} / ${formatCount(search.hits.length)}` : ''}
          </span>
        </div>
        <button type="button" class="follow" aria-pressed={following} onClick={() => setFollowing(!following)}>
          {following ? 'Pause autoscroll' : 'Resume autoscroll'}
        </button>
        {tools}
      </div>
      <div
        class="terminal__scroll"
        ref={scrollRef}
        tabIndex={0}
        aria-label="Job output"
        onWheel={pauseOnUserScroll}
        onKeyDown={pauseOnUserScroll}
        onPointerDown={pauseOnUserScroll}
      >
        <div class="terminal__canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {items.map((item) => {
            const index = view.lineIndex(item.index);
            const line = model.lines[index]!;
            const hit = search.isHit(item.index) ? (item.index === currentPosition ? ' line--current' : ' line--hit') : '';
            return (
              <div
                key={index}
                class={`line line--${line.kind}${hit}`}
                data-line={index}
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span class="line__number">{index + 1}</span>
                <span class="line__text" dangerouslySetInnerHTML={{ __html: lineHtml(line) }} />
              </div>
            );
          })}
        </div>
        {view.length === 0 && (
          <p class="terminal__empty">{model.lines.length === 0 ? 'No output yet.' : 'No line matches this filter.'}</p>
        )}
      </div>
      <div class="terminal__status">
        {formatCount(view.length)} {filter === 'all' ? 'lines' : `of ${formatCount(model.lines.length)} lines`}
        {' · '}{formatCount(model.eventCount)} events
        {!following && <span class="terminal__paused"> · autoscroll paused</span>}
      </div>
    </section>
  );
}
