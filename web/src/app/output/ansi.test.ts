import { describe, expect, it } from 'vitest';
import { ansiLineToHtml, stripAnsi } from './ansi';

describe('ansiLineToHtml', () => {
  it('escapes HTML so markup in output stays text', () => {
    const html = ansiLineToHtml('<script>alert("x")</script><img src=x onerror=alert(1)> & \'q\'');

    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&amp;');
  });

  it('escapes HTML inside a coloured span too', () => {
    const html = ansiLineToHtml('\u001b[0;31mfatal: <b>bold</b>\u001b[0m');
    expect(html).toMatch(/^<span class="ansi-red-fg">fatal: &lt;b&gt;bold&lt;\/b&gt;<\/span>$/);
  });

  it('renders colours as classes, not inline styles', () => {
    expect(ansiLineToHtml('\u001b[0;32mok: [leaf-101.lab]\u001b[0m')).toBe('<span class="ansi-green-fg">ok: [leaf-101.lab]</span>');
  });

  it('makes no link of an OSC 8 hyperlink, even a javascript: one', () => {
    const html = ansiLineToHtml('\u001b]8;;javascript:alert(1)\u0007click\u001b]8;;\u0007');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('click');
  });

  it('starts every line from a fresh colour state', () => {
    ansiLineToHtml('\u001b[0;31mred without reset');
    expect(ansiLineToHtml('plain')).toBe('plain');
  });
});

describe('stripAnsi', () => {
  it('removes colour and hyperlink sequences', () => {
    expect(stripAnsi('\u001b[1;31mfatal\u001b[0m: \u001b]8;;http://x\u0007link\u001b]8;;\u0007')).toBe('fatal: link');
  });
});
