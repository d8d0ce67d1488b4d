import * as assert from 'node:assert/strict';
import type { Finding } from '../../core/src';
import { renderJson } from '../src/render/json';
import { buildReport, type ReportError } from '../src/report';
import { SourceTexts } from '../src/source-texts';
import { makeFinding } from './helpers';

/** Texts the engine "read", plus files only reachable through the loader (related locations). */
async function jsonFor(
  findings: Finding[],
  files: Record<string, string>,
  options: { onDisk?: Record<string, string>; errors?: ReportError[]; summaryNotes?: string[] } = {},
): Promise<unknown> {
  const onDisk = options.onDisk ?? {};
  const texts = new SourceTexts(async (file) => {
    const text = onDisk[file];
    return text === undefined ? { error: 'cannot read file: no such file or directory (ENOENT)' } : { text };
  });
  for (const [file, text] of Object.entries(files)) texts.remember(file, text);
  const report = await buildReport(
    { findings, errors: options.errors ?? [], notes: [], filesAnalysed: Object.keys(files).length, texts, summaryNotes: options.summaryNotes ?? [] },
    '/work',
  );
  const output = renderJson(report);
  assert.ok(output.endsWith('}\n'), 'one JSON document, newline-terminated');
  return JSON.parse(output);
}

describe('renderJson', () => {
  it('has exactly the documented shape, with 1-based positions and an exclusive end + 1', async () => {
    const text = '<?php\nsession_start();\nsleep(5);\n';
    const finding: Finding = {
      ...makeFinding({
        file: 'src/a.php',
        start: text.indexOf('sleep'),
        end: text.indexOf(';\n', text.indexOf('sleep')),
        related: [{ message: 'session opened here', span: { file: 'src/a.php', start: 6, end: 21 } }],
      }),
      fixes: [
        {
          title: 'Close the session before `sleep()`',
          applicability: 'safe',
          edits: [{ span: { file: 'src/a.php', start: 23, end: 23 }, newText: 'session_write_close();\n' }],
        },
      ],
    };
    const document = await jsonFor([finding], { 'src/a.php': text });
    assert.deepEqual(document, {
      version: 1,
      findings: [
        {
          rule: 'held-across-slow-call',
          severity: 'warning',
          message: 'Session lock held across `sleep()`',
          file: 'src/a.php',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 9,
          related: [{ message: 'session opened here', file: 'src/a.php', line: 2, column: 1 }],
          fixes: [
            {
              title: 'Close the session before `sleep()`',
              applicability: 'safe',
              edits: [
                {
                  file: 'src/a.php',
                  line: 3,
                  column: 1,
                  endLine: 3,
                  endColumn: 1,
                  newText: 'session_write_close();\n',
                },
              ],
            },
          ],
        },
      ],
      errors: [],
      notes: [],
    });
    // Key order is part of the contract for people reading or diffing the output.
    const first = (document as { findings: object[] }).findings[0]!;
    assert.deepEqual(Object.keys(first), [
      'rule',
      'severity',
      'message',
      'file',
      'line',
      'column',
      'endLine',
      'endColumn',
      'related',
      'fixes',
    ]);
  });

  it('counts lines in a CRLF file as an editor does', async () => {
    const text = '<?php\r\nsession_start();\r\n\r\n  sleep(1);\r\n';
    const start = text.indexOf('sleep');
    const document = (await jsonFor([makeFinding({ file: 'crlf.php', start, end: start + 8 })], {
      'crlf.php': text,
    })) as { findings: Array<Record<string, unknown>> };
    const { file, line, column, endLine, endColumn } = document.findings[0]!;
    assert.deepEqual({ file, line, column, endLine, endColumn }, { file: 'crlf.php', line: 4, column: 3, endLine: 4, endColumn: 11 });
  });

  it('places a range that ends on a later line, and one that ends at the end of its line', async () => {
    const text = 'ab\ncd\nef';
    const document = (await jsonFor(
      [makeFinding({ file: 'a.php', start: 1, end: 4, rule: 'r1' }), makeFinding({ file: 'a.php', start: 6, end: 8, rule: 'r2' })],
      { 'a.php': text },
    )) as { findings: Array<Record<string, unknown>> };
    const positions = document.findings.map(({ line, column, endLine, endColumn }) => ({ line, column, endLine, endColumn }));
    assert.deepEqual(positions, [
      { line: 1, column: 2, endLine: 2, endColumn: 2 },
      { line: 3, column: 1, endLine: 3, endColumn: 3 },
    ]);
  });

  it('sorts findings by file, line, column, then rule', async () => {
    const text = 'aaaa\nbbbb\n';
    const document = (await jsonFor(
      [
        makeFinding({ file: 'b.php', start: 0, end: 1, rule: 'z' }),
        makeFinding({ file: 'a.php', start: 6, end: 7, rule: 'z' }),
        makeFinding({ file: 'a.php', start: 5, end: 6, rule: 'z' }),
        makeFinding({ file: 'a.php', start: 0, end: 1, rule: 'z' }),
        makeFinding({ file: 'a.php', start: 0, end: 1, rule: 'a' }),
      ],
      { 'a.php': text, 'b.php': text },
    )) as { findings: Array<{ file: string; line: number; column: number; rule: string }> };
    assert.deepEqual(
      document.findings.map((f) => `${f.file}:${f.line}:${f.column}:${f.rule}`),
      ['a.php:1:1:a', 'a.php:1:1:z', 'a.php:2:1:z', 'a.php:2:2:z', 'b.php:1:1:z'],
    );
  });

  it('places related locations in other files, reading those files when needed', async () => {
    const finding = makeFinding({
      file: 'page.php',
      start: 6,
      end: 14,
      related: [
        { message: 'session opened here', span: { file: 'bootstrap.php', start: 7, end: 22 } },
        { message: 'gone', span: { file: 'deleted.php', start: 50, end: 60 } },
      ],
    });
    const document = (await jsonFor([finding], { 'page.php': '<?php\nsleep(1);\n' }, {
      onDisk: { 'bootstrap.php': '<?php\r\nsession_start();\n' },
    })) as { findings: Array<{ related: unknown[] }>; errors: unknown[] };
    assert.deepEqual(document.findings[0]!.related, [
      { message: 'session opened here', file: 'bootstrap.php', line: 2, column: 1 },
      { message: 'gone', file: 'deleted.php', line: 1, column: 1 },
    ]);
    assert.deepEqual(document.errors, [
      {
        file: 'deleted.php',
        message: 'cannot show positions in this file: cannot read file: no such file or directory (ENOENT)',
      },
    ]);
  });

  it('lists errors as file and message only, sorted by file', async () => {
    const document = await jsonFor([], { 'b.php': '<?php\nif (\n' }, {
      errors: [
        { kind: 'analysis', file: 'b.php', message: 'syntax error', span: { file: 'b.php', start: 9, end: 10 } },
        { kind: 'unreadable', file: 'a.php', message: 'cannot read file: is a directory' },
      ],
    });
    assert.deepEqual(document, {
      version: 1,
      findings: [],
      errors: [
        { file: 'a.php', message: 'cannot read file: is a directory' },
        { file: 'b.php', message: 'syntax error' },
      ],
      notes: [],
    });
  });

  it('carries what changed findings across the run as notes', async () => {
    const note = '1 lock finding lowered to info: the session store `Cache` (a.php:3) takes no lock the analysis can see.';
    const document = (await jsonFor([], { 'a.php': '<?php\n' }, { summaryNotes: [note] })) as { notes: unknown };
    assert.deepEqual(document.notes, [note]);
  });
});
