import * as assert from 'node:assert/strict';
import type { Finding } from '../../core/src';
import { createColors } from '../src/color';
import { renderPretty } from '../src/render/pretty';
import { summaryLines } from '../src/render/summary';
import { buildReport, type Report, type ReportError } from '../src/report';
import { SourceTexts } from '../src/source-texts';
import { ESC, makeFinding } from './helpers';

async function pretty(
  findings: Finding[],
  files: Record<string, string>,
  options: { color?: boolean; quiet?: boolean; errors?: ReportError[]; filesAnalysed?: number } = {},
): Promise<string> {
  const texts = new SourceTexts();
  for (const [file, text] of Object.entries(files)) texts.remember(file, text);
  const report = await buildReport(
    { findings, errors: options.errors ?? [], notes: [], filesAnalysed: options.filesAnalysed ?? Object.keys(files).length, texts },
    '/work',
  );
  return renderPretty(report, texts, { colors: createColors(options.color ?? false), quiet: options.quiet ?? false });
}

/** A finding on the first occurrence of `needle`, with related locations on other needles. */
function findingAt(file: string, text: string, needle: string, related: Array<[string, string, string?, string?]> = []): Finding {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} not in text`);
  return makeFinding({
    file,
    start,
    end: start + needle.length,
    related: related.map(([message, relNeedle, relFile = file, relText = text]) => {
      const relStart = relText.indexOf(relNeedle);
      return { message, span: { file: relFile, start: relStart, end: relStart + relNeedle.length } };
    }),
  });
}

describe('renderPretty', () => {
  it('prints a header, the location, and a frame with carets under the range and labelled related lines', async () => {
    const text = "<?php\nsession_start();\n$_SESSION['a'] = 1;\nsleep(5);\n";
    const output = await pretty([findingAt('src/a.php', text, 'sleep(5)', [['session opened here', 'session_start()']])], {
      'src/a.php': text,
    });
    assert.equal(
      output,
      [
        'warning[held-across-slow-call]: Session lock held across `sleep()`',
        ' --> src/a.php:4:1',
        '  |',
        '2 | session_start();',
        '  | --------------- session opened here',
        "3 | $_SESSION['a'] = 1;",
        '4 | sleep(5);',
        '  | ^^^^^^^^',
        '  |',
        '',
        'Found 1 problem (1 warning) in 1 file.',
        '',
      ].join('\n'),
    );
  });

  it('puts the carets under the right columns, copying tabs into the padding', async () => {
    const text = '<?php\nif ($x) {\n\t\t$a = 1; sleep(1);\n}\n';
    const output = await pretty([findingAt('t.php', text, 'sleep(1)')], { 't.php': text }, { quiet: true });
    assert.equal(output, ['warning[held-across-slow-call]: Session lock held across `sleep()`', ' --> t.php:3:11', '  |', '3 | \t\t$a = 1; sleep(1);', '  | \t\t        ^^^^^^^^', '  |', ''].join('\n'));
  });

  it('counts columns in UTF-16 code units, like the engine', async () => {
    const text = '<?php $s = "😀"; sleep(1);';
    const output = await pretty([findingAt('e.php', text, 'sleep(1)')], { 'e.php': text }, { quiet: true });
    const lines = output.split('\n');
    assert.equal(lines[1], ' --> e.php:1:18');
    assert.equal(lines[4], `  | ${' '.repeat(17)}^^^^^^^^`);
  });

  it('underlines only the first line of a multi-line range, to its end', async () => {
    const text = '<?php\nwhile (true) {\n  sleep(1);\n}\n';
    const start = text.indexOf('while');
    const finding = makeFinding({ file: 'l.php', start, end: text.indexOf('}') + 1 });
    const output = await pretty([finding], { 'l.php': text }, { quiet: true });
    assert.deepEqual(output.split('\n').slice(2, 5), ['  |', '2 | while (true) {', '  | ^^^^^^^^^^^^^^']);
  });

  it('marks an empty range with one caret', async () => {
    const text = '<?php\nfoo();\n';
    const output = await pretty([makeFinding({ file: 'z.php', start: 9, end: 9 })], { 'z.php': text }, { quiet: true });
    assert.equal(output.split('\n')[4], '  |    ^');
  });

  it('quotes no unlabelled line outside the function the finding is in: a one-line gap there becomes ...', async () => {
    const text = '<?php\nfunction open_it() { session_start(); }\nfunction other() { return 1; }\nfunction run() { open_it(); sleep(1); }\n';
    const inRun = findingAt('a.php', text, 'sleep(1)', [['session opened here', 'session_start()']]);
    const runStart = text.indexOf('function run');
    const scoped: Finding = { ...inRun, scope: { file: 'a.php', start: runStart, end: text.length - 1 } };
    const frame = (output: string): string[] => output.split('\n').slice(2, 8);
    assert.deepEqual(frame(await pretty([scoped], { 'a.php': text }, { quiet: true })), [
      '  |',
      '2 | function open_it() { session_start(); }',
      '  |                      --------------- session opened here',
      '...',
      '4 | function run() { open_it(); sleep(1); }',
      '  |                             ^^^^^^^^',
    ]);
    // The same gap inside the finding's function is quoted: it reads as part of that code.
    const wide: Finding = { ...inRun, scope: { file: 'a.php', start: 0, end: text.length } };
    assert.equal(frame(await pretty([wide], { 'a.php': text }, { quiet: true }))[3], '3 | function other() { return 1; }');
  });

  it('elides long gaps, widens the gutter for long line numbers, and lists related locations of other files as notes', async () => {
    const lines = ['<?php', 'session_start();', ...Array.from({ length: 8 }, (_, i) => `// ${i}`), 'sleep(1);'];
    const text = lines.join('\n');
    const boot = '<?php\nrequire "x";\nsession_start();\n';
    const finding = findingAt('page.php', text, 'sleep(1)', [
      ['session also opened here', 'session_start()'],
      ['session opened here', 'session_start()', 'boot.php', boot],
    ]);
    const output = await pretty([finding], { 'page.php': text, 'boot.php': boot }, { quiet: true });
    assert.equal(
      output,
      [
        'warning[held-across-slow-call]: Session lock held across `sleep()`',
        '  --> page.php:11:1',
        '   |',
        ' 2 | session_start();',
        '   | --------------- session also opened here',
        '...',
        '11 | sleep(1);',
        '   | ^^^^^^^^',
        '   |',
        '   = note: boot.php:3:1: session opened here',
        '',
      ].join('\n'),
    );
  });

  it('shows each annotation of a shared line on its own row, and fix titles as help', async () => {
    const text = '<?php session_start(); sleep(1);';
    const finding: Finding = {
      ...findingAt('s.php', text, 'sleep(1)', [['session opened here', 'session_start()']]),
      fixes: [{ title: 'Close the session first', applicability: 'unsafe', edits: [] }],
    };
    const output = await pretty([finding], { 's.php': text }, { quiet: true });
    assert.deepEqual(output.split('\n').slice(3, 8), [
      '1 | <?php session_start(); sleep(1);',
      '  |       --------------- session opened here',
      '  |                        ^^^^^^^^',
      '  |',
      'help: Close the session first (unsafe)',
    ]);
  });

  it('prints findings of several files in order, then the input errors, then the summary', async () => {
    const a = '<?php session_start(); sleep(1);';
    const b = '<?php session_start(); usleep(1);';
    const output = await pretty(
      [
        { ...findingAt('b.php', b, 'usleep(1)'), severity: 'info', rule: 'prefer-read-and-close', message: 'm2' },
        { ...findingAt('a.php', a, 'sleep(1)'), severity: 'error', message: 'm1' },
      ],
      { 'a.php': a, 'b.php': b },
      {
        errors: [
          { kind: 'analysis', file: 'b.php', message: 'syntax error', span: { file: 'b.php', start: 6, end: 7 } },
          { kind: 'skipped', file: 'bin.php', message: 'binary file, not analysed' },
        ],
      },
    );
    const lines = output.split('\n');
    assert.deepEqual(
      lines.filter((l) => /^(error|warning|info)/.test(l) || l.startsWith('Found') || l.endsWith('(listed above).')),
      [
        'error[held-across-slow-call]: m1',
        'info[prefer-read-and-close]: m2',
        'error: b.php:1:7: syntax error',
        'error: bin.php: binary file, not analysed',
        'Found 2 problems (1 error, 1 info) in 2 files.',
        '2 input errors (listed above).',
      ],
    );
  });

  it('prints only the summary when there is nothing to report, and nothing at all with --quiet', async () => {
    assert.equal(await pretty([], { 'a.php': '' }, { filesAnalysed: 12 }), 'No problems found in 12 files.\n');
    assert.equal(await pretty([], { 'a.php': '' }, { quiet: true }), '');
  });

  it('uses no escape codes with colour off, and some with colour on', async () => {
    const text = '<?php session_start(); sleep(1);';
    const finding = findingAt('c.php', text, 'sleep(1)', [['session opened here', 'session_start()']]);
    assert.ok(!(await pretty([finding], { 'c.php': text })).includes(ESC));
    const colored = await pretty([finding], { 'c.php': text }, { color: true });
    assert.ok(colored.includes(ESC));
    // Stripped of colour it is the same text.
    assert.equal(colored.replace(/\u001b\[\d+m/g, ''), await pretty([finding], { 'c.php': text }));
  });
});

describe('summaryLines', () => {
  const finding = (severity: 'error' | 'warning' | 'info', file: string) =>
    ({ severity, location: { file } }) as unknown as Report['findings'][number];

  it('counts problems by severity, most severe first, and the files they are in', () => {
    const report: Report = {
      findings: [finding('warning', 'a'), finding('info', 'b'), finding('warning', 'a')],
      errors: [],
      filesAnalysed: 5,
      summaryNotes: [],
    };
    assert.deepEqual(summaryLines(report), ['Found 3 problems (2 warnings, 1 info) in 2 files.']);
  });

  it('counts the files analysed when clean, in the singular too', () => {
    assert.deepEqual(summaryLines({ findings: [], errors: [], filesAnalysed: 1, summaryNotes: [] }), ['No problems found in 1 file.']);
  });

  it('says after the count which findings the run lowered, and why', () => {
    const note = '1 lock finding lowered to info: the session store `Cache` (a.php:3) takes no lock the analysis can see.';
    const report: Report = { findings: [finding('info', 'a')], errors: [], filesAnalysed: 1, summaryNotes: [note] };
    assert.deepEqual(summaryLines(report), ['Found 1 problem (1 info) in 1 file.', note]);
  });
});
