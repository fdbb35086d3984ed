import {
  Virtualizer, type VirtualizerOptions, elementScroll, observeElementOffset, observeElementRect,
} from '@tanstack/virtual-core';
import type { RefObject } from 'preact';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

/** TanStack's framework-free virtualizer bound to a Preact component, as its React adapter binds it. */
export function useVirtualizer(
  scrollElement: RefObject<HTMLDivElement | null>,
  count: number,
  rowHeight: number,
): Virtualizer<HTMLDivElement, HTMLDivElement> {
  const [, rerender] = useReducer((value: number) => value + 1, 0);
  const options: VirtualizerOptions<HTMLDivElement, HTMLDivElement> = {
    count,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    onChange: () => rerender(undefined),
  };
  const [virtualizer] = useState(() => new Virtualizer(options));
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());
  return virtualizer;
}
