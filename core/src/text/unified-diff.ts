/** Lines of context around each change, as `diff -u` and git show. */
const CONTEXT = 3;

/** Above this many line pairs the changed middle is shown replaced as a whole, not matched line by line. */
const MAX_MATCHED_PAIRS = 4_000_000;

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

/**
 * A unified diff of one file (`--- a/<file>`, `+++ b/<file>`, hunks with three lines of
 * context), as `git apply` and `patch -p1` read it; empty when the texts are equal. Lines are
 * compared with their line endings, so a CRLF file diffs as CRLF.
 */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const hunks = hunksOf(ops);
  return [`--- a/${file}\n`, `+++ b/${file}\n`, ...hunks].join('');
}

function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Common start and end kept, the middle matched by a longest common subsequence. */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  return [
    ...a.slice(0, prefix).map((line) => ({ kind: ' ' as const, line })),
    ...matchMiddle(midA, midB),
    ...a.slice(a.length - suffix).map((line) => ({ kind: ' ' as const, line })),
  ];
}

function matchMiddle(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_MATCHED_PAIRS) {
    return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!)) {
      // Removals before additions within a run of changes, as diff prints them.
      ops.push({ kind: '-', line: a[i++]! });
    } else {
      ops.push({ kind: '+', line: b[j++]! });
    }
  }
  return ops;
}

function hunksOf(ops: readonly Op[]): string[] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  const hunks: string[] = [];
  let k = 0;
  while (k < changed.length) {
    const first = changed[k]!;
    let last = first;
    // Changes closer than twice the context share one hunk.
    while (k + 1 < changed.length && changed[k + 1]! - last <= 2 * CONTEXT) last = changed[++k]!;
    k++;
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(ops.length, last + CONTEXT + 1);
    let oldLine = 1;
    let newLine = 1;
    for (let i = 0; i < start; i++) {
      if (ops[i]!.kind !== '+') oldLine++;
      if (ops[i]!.kind !== '-') newLine++;
    }
    const body = ops.slice(start, end);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    const lines = body.map((op) => `${op.kind}${op.line}${op.line.endsWith('\n') ? '' : '\n\\ No newline at end of file\n'}`);
    hunks.push(`@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n${lines.join('')}`);
  }
  return hunks;
}

/** `start,count`; an empty range starts at the line before it, as diff writes it. */
function range(start: number, count: number): string {
  return count === 0 ? `${start - 1},0` : `${start},${count}`;
}
