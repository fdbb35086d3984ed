import { AnsiUp } from 'ansi_up';

// OSC sequences (window titles, hyperlinks) and CSI sequences (colours, cursor moves).
const OSC_SEQUENCE = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;
const ANSI_SEQUENCE = new RegExp(`\u001b\\[[0-9;?]*[ -/]*[@-~]|${OSC_SEQUENCE.source}`, 'g');

/** The text of a line as a reader sees it: ANSI sequences removed. */
export function stripAnsi(text: string): string {
  return text.includes('\u001b') ? text.replace(ANSI_SEQUENCE, '') : text;
}

function converter(): AnsiUp {
  const ansi = new AnsiUp();
  // Output is text: HTML in it is escaped.
  ansi.escape_html = true;
  ansi.use_classes = true;
  return ansi;
}

/**
 * One line of output as HTML: its text escaped, its ANSI colours as `ansi-*` classes. Each line starts from a fresh
 * state, as Ansible colours every line on its own; a sequence cut at the end of a line is dropped, never carried on.
 * OSC sequences are removed first, so a hyperlink shows as its text and never becomes a link.
 */
export function ansiLineToHtml(text: string): string {
  return converter().ansi_to_html(text.includes('\u001b]') ? text.replace(OSC_SEQUENCE, '') : text);
}
