/**
 * Expectations written inside fixtures, gopls-style: a trailing `// expect: rule-id` (or
 * `# expect:`) on the reported line, several ids separated by commas, each optionally
 * followed by `@severity` and by a message pattern in double quotes:
 * `// expect: held-across-slow-call@info "sleep"`.
 */
export interface Expectation {
  readonly line: number;
  readonly rule: string;
  readonly severity?: string;
  readonly pattern?: RegExp;
}

const MARKERS = ['// expect:', '# expect:'];

export function parseExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    for (const marker of MARKERS) {
      const at = lineText.indexOf(marker);
      if (at === -1) continue;
      for (const item of splitItems(lineText.slice(at + marker.length))) {
        const quote = item.indexOf('"');
        const [rule, severity] = (quote === -1 ? item : item.slice(0, quote)).trim().split('@');
        if (!rule) continue;
        const pattern = quote === -1 ? undefined : new RegExp(item.slice(quote + 1, item.lastIndexOf('"')));
        expectations.push({ line: index + 1, rule, ...(severity ? { severity } : {}), ...(pattern ? { pattern } : {}) });
      }
      break;
    }
  });
  return expectations;
}

/** Splits on commas outside double quotes. */
function splitItems(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items;
}
