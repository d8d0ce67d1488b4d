import * as assert from 'node:assert/strict';
import type { RuleContext, Span } from '../../core/src';
import { lineList } from '../src/rules/session-facts';

/** A context for `WebCalendar.php` whose lines are offsets / 10 + 1, and other files' likewise. */
function contextOf(withSpans: boolean): RuleContext {
  const context = {
    file: { file: 'includes/WebCalendar.php' },
    lineOf: (offset: number) => Math.floor(offset / 10) + 1,
    ...(withSpans ? { lineOfSpan: (span: Span) => Math.floor(span.start / 10) + 1 } : {}),
  };
  return context as unknown as RuleContext;
}

const at = (file: string, start: number): Span => ({ file, start, end: start + 1 });

describe('lineList: the lines of a chain, across files', () => {
  it('lists this file\'s lines first, then each other file by name', () => {
    const spans = [at('ajax.php', 40), at('includes/WebCalendar.php', 5610), at('includes/WebCalendar.php', 10110), at('events_ajax.php', 210)];
    assert.equal(lineList(contextOf(true), spans), 'lines 562 and 1012; `ajax.php` line 5; `events_ajax.php` line 22');
  });

  it('keeps the plain form when every step is in this file', () => {
    assert.equal(lineList(contextOf(true), [at('includes/WebCalendar.php', 30), at('includes/WebCalendar.php', 30)]), 'line 4');
  });

  it('falls back to this file\'s numbering when the context cannot place other files', () => {
    assert.equal(lineList(contextOf(false), [at('ajax.php', 40), at('includes/WebCalendar.php', 5610)]), 'lines 5 and 562');
  });
});
