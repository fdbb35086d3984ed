import { ansiLineToHtml } from './ansi';
import type { OutputLine } from './outputModel';

const LIMIT = 4000;
const cache = new Map<OutputLine, string>();

/** The HTML of a line, remembered for the lines shown recently (scrolling back and forth re-renders the same ones). */
export function lineHtml(line: OutputLine): string {
  let html = cache.get(line);
  if (html === undefined) {
    html = ansiLineToHtml(line.text);
    if (cache.size >= LIMIT) {
      cache.delete(cache.keys().next().value!);
    }
    cache.set(line, html);
  }
  return html;
}
