import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex, applicableAt, applyFixesUntilStable, type Rule } from '../../core/src';
import { allRules } from '../src/registry';
import { analyzer, fixtureFiles, fixturesRoot, repoRoot } from './support';

/**
 * Docs are data, and their examples are tests. For every rule in `allRules`:
 * - `rules/docs/<rule-id>.md` exists, opens with `# <rule-id>` and a one-line summary, and has
 *   the H2 sections of REQUIRED_SECTIONS in that order;
 * - every ```` ```php bad ```` block (under `## Example`) yields exactly one finding of the rule,
 *   and every ```` ```php good ```` block (under `## Use instead`, or anywhere else) yields none;
 * - a ```` ```php fixed N ```` block (under `## Fix safety`) is the doc's N-th `bad` example
 *   after `--fix`, to the character, and ```` ```php unsafe-fixed N ```` after `--unsafe-fixes`;
 *   the fixed code is analysed too and yields no finding of the rule;
 * - `test-fixtures/<rule-id>/` has at least one reported case and one `*.ok.php` case.
 * The markdown is read line by line (headings and fences only): a harness, not a parser.
 */

const REQUIRED_SECTIONS = ['What it does', 'Why is this bad?', 'Example', 'Use instead', 'Options', 'When not to use it'];

/**
 * H2 sections a doc may add besides the required ones:
 * - `Fix safety` goes between `Use instead` and `Options`, and is required exactly when the
 *   rule offers fixes (`meta.fixAvailability` is not `never`): it says which are safe and why;
 * - `Suppressing` and `References` may follow `When not to use it`, in any order.
 */
const FIX_SAFETY = 'Fix safety';
const TRAILING_SECTIONS = new Set(['Suppressing', 'References']);

/** Languages whose example blocks the analyzer can check. */
const ANALYZED_LANGUAGES = new Set(['php', 'ts', 'typescript']);
/** Languages of example code: a block of one of these under Example / Use instead needs a tag. */
const CODE_LANGUAGES = new Set(['php', 'ts', 'typescript']);

interface CodeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: string;
  readonly tag: 'bad' | 'good' | 'fixed' | 'unsafe-fixed' | undefined;
  /** For a fixed form: the 1-based number of the `bad` example it is the fixed form of. */
  readonly of?: number;
  /** The raw info string, for messages. */
  readonly info: string;
  /** The H2 section the block is in ('' before the first one). */
  readonly section: string;
  readonly code: string;
}

interface Heading {
  readonly line: number;
  readonly level: number;
  readonly text: string;
}

interface ParsedDoc {
  readonly headings: readonly Heading[];
  readonly blocks: readonly CodeBlock[];
  /** Lines outside code blocks, 1-based numbers, for the title and summary checks. */
  readonly prose: readonly { line: number; text: string }[];
  readonly problems: readonly string[];
}

function parseDoc(text: string): ParsedDoc {
  const lines = text.split(/\r\n|\r|\n/);
  const headings: Heading[] = [];
  const blocks: CodeBlock[] = [];
  const prose: { line: number; text: string }[] = [];
  const problems: string[] = [];
  let section = '';
  let fence: { marker: string; line: number; info: string; body: string[] } | undefined;
  lines.forEach((lineText, index) => {
    const line = index + 1;
    if (fence) {
      const close = /^(`{3,}|~{3,})\s*$/.exec(lineText);
      if (close && close[1]![0] === fence.marker[0] && close[1]!.length >= fence.marker.length) {
        const [language = '', tagWord, ...rest] = fence.info.split(/\s+/).filter(Boolean);
        const fixedForm = tagWord === 'fixed' || tagWord === 'unsafe-fixed';
        const of = fixedForm && rest.length === 1 && /^[1-9][0-9]*$/.test(rest[0]!) ? Number(rest[0]) : undefined;
        if (tagWord !== undefined && tagWord !== 'bad' && tagWord !== 'good' && !fixedForm) {
          problems.push(`line ${fence.line}: unknown example tag in \`\`\`${fence.info} (use \`bad\`, \`good\`, \`fixed N\` or \`unsafe-fixed N\`)`);
        } else if (fixedForm && of === undefined) {
          problems.push(`line ${fence.line}: a fixed form names the bad example it fixes by number: \`\`\`${language} ${tagWord} 1`);
        } else if (!fixedForm && rest.length > 0) {
          problems.push(`line ${fence.line}: unexpected words after the tag in \`\`\`${fence.info}`);
        }
        const tag = tagWord === 'bad' || tagWord === 'good' || fixedForm ? tagWord : undefined;
        blocks.push({ line: fence.line, language: language.toLowerCase(), tag, ...(of !== undefined ? { of } : {}), info: fence.info, section, code: fence.body.join('\n') + '\n' });
        fence = undefined;
      } else {
        fence.body.push(lineText);
      }
      return;
    }
    const open = /^(`{3,}|~{3,})(.*)$/.exec(lineText);
    if (open) {
      fence = { marker: open[1]!, line, info: open[2]!.trim(), body: [] };
      return;
    }
    const heading = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(lineText);
    if (heading) {
      headings.push({ line, level: heading[1]!.length, text: heading[2]! });
      if (heading[1]!.length === 2) section = heading[2]!;
    }
    prose.push({ line, text: lineText });
  });
  if (fence) problems.push(`line ${fence.line}: code block \`\`\`${fence.info} is never closed`);
  return { headings, blocks, prose, problems };
}

function expectedSections(rule: Rule): string[] {
  if (rule.meta.fixAvailability === 'never') return REQUIRED_SECTIONS;
  const at = REQUIRED_SECTIONS.indexOf('Options');
  return [...REQUIRED_SECTIONS.slice(0, at), FIX_SAFETY, ...REQUIRED_SECTIONS.slice(at)];
}

function docPath(rule: Rule): string {
  return path.join(repoRoot, 'rules', 'docs', `${rule.meta.id}.md`);
}

/** Reads and parses a doc, or `undefined` when it is missing (the first test reports that). */
function loadDoc(rule: Rule): ParsedDoc | undefined {
  const file = docPath(rule);
  return fs.existsSync(file) ? parseDoc(fs.readFileSync(file, 'utf8')) : undefined;
}

describe('rule docs', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    const shown = `rules/docs/${id}.md`;
    describe(id, () => {
      const doc = loadDoc(rule);

      it('has a doc', () => {
        assert.ok(doc, `every rule needs a doc: ${shown} is missing`);
        assert.deepEqual(doc.problems, [], `${shown} has malformed code blocks`);
      });
      if (!doc) return;

      it('opens with the rule id as title and a one-line summary', () => {
        const nonBlank = doc.prose.filter((l) => l.text.trim() !== '');
        assert.equal(nonBlank[0]?.text, `# ${id}`, `${shown}: the first line must be the title \`# ${id}\``);
        const firstH2 = doc.headings.find((h) => h.level === 2);
        const beforeH2 = nonBlank.slice(1).filter((l) => firstH2 === undefined || l.line < firstH2.line);
        const codeBeforeH2 = doc.blocks.some((b) => firstH2 === undefined || b.line < firstH2.line);
        assert.ok(
          beforeH2.length === 1 && !codeBeforeH2 && !/^\s*(#|[-*>|]\s)/.test(beforeH2[0]!.text),
          `${shown}: between the title and the first section there must be exactly one line of summary; found:\n${beforeH2.map((l) => `  ${l.line}: ${l.text}`).join('\n')}`,
        );
      });

      it('has the sections in order', () => {
        const h2 = doc.headings.filter((h) => h.level === 2).map((h) => h.text);
        const lastRequired = h2.lastIndexOf(REQUIRED_SECTIONS[REQUIRED_SECTIONS.length - 1]!);
        const main = lastRequired === -1 ? h2 : h2.slice(0, lastRequired + 1);
        const trailing = lastRequired === -1 ? [] : h2.slice(lastRequired + 1);
        const render = (items: readonly string[]): string => items.map((s) => `  ## ${s}`).join('\n');
        assert.equal(
          render(main),
          render(expectedSections(rule)),
          `${shown}: the H2 sections must be exactly these, in order` +
            (rule.meta.fixAvailability === 'never' && main.includes(FIX_SAFETY) ? ` (no \`## ${FIX_SAFETY}\`: the rule has no fixes)` : ''),
        );
        const unknown = trailing.filter((s) => !TRAILING_SECTIONS.has(s));
        assert.deepEqual(unknown, [], `${shown}: after \`## When not to use it\` only ${[...TRAILING_SECTIONS].map((s) => `\`## ${s}\``).join(', ')} may follow`);
      });

      it('has a bad example under Example and a good one under Use instead', () => {
        const misplaced = doc.blocks.filter((b) => b.tag === 'bad' && b.section !== 'Example');
        assert.deepEqual(misplaced.map((b) => `line ${b.line} (in ## ${b.section})`), [], `${shown}: \`bad\` blocks belong under ## Example`);
        const untagged = doc.blocks.filter((b) => b.tag === undefined && CODE_LANGUAGES.has(b.language) && (b.section === 'Example' || b.section === 'Use instead'));
        assert.deepEqual(
          untagged.map((b) => `line ${b.line}: \`\`\`${b.info}`),
          [],
          `${shown}: code under ## Example must be \`bad\` and under ## Use instead \`good\` (e.g. \`\`\`php bad)`,
        );
        const wrongTag = doc.blocks.filter((b) => b.section === 'Use instead' && b.tag === 'bad');
        assert.deepEqual(wrongTag.map((b) => `line ${b.line}`), [], `${shown}: ## Use instead must not hold \`bad\` blocks`);
        assert.ok(doc.blocks.some((b) => b.tag === 'bad' && b.section === 'Example'), `${shown}: ## Example needs at least one \`\`\`php bad block`);
        assert.ok(doc.blocks.some((b) => b.tag === 'good' && b.section === 'Use instead'), `${shown}: ## Use instead needs at least one \`\`\`php good block`);
      });

      const bads = doc.blocks.filter((b) => b.tag === 'bad');
      for (const block of doc.blocks) {
        if (block.tag !== 'fixed' && block.tag !== 'unsafe-fixed') continue;
        const level = block.tag === 'fixed' ? 'safe' : 'unsafe';
        it(`${block.tag} form at line ${block.line} is bad example ${block.of} after ${level} fixes`, async () => {
          const where = `${shown}:${block.line} (\`\`\`${block.info})`;
          assert.equal(block.section, FIX_SAFETY, `${where}: fixed forms belong under ## ${FIX_SAFETY}`);
          const bad = bads[block.of! - 1];
          assert.ok(bad, `${where}: the doc has no bad example number ${block.of}`);
          assert.equal(bad.language, block.language, `${where}: the fixed form is in another language than bad example ${block.of}`);
          const file = `${shown}#L${bad.line}${bad.language === 'php' ? '' : '.ts'}`;
          const instance = await analyzer();
          const fixesFor = (texts: ReadonlyMap<string, string>) => instance.analyzeFile({ path: file, text: texts.get(file)! }).findings.flatMap((f) => f.fixes);
          const loop = applyFixesUntilStable(new Map([[file, bad.code]]), fixesFor, applicableAt(level));
          assert.equal(loop.texts.get(file), block.code, `${where}: bad example ${block.of} (line ${bad.line}) after ${level} fixes is not this block`);
          const after = instance.analyzeFile({ path: file, text: block.code });
          assert.deepEqual(after.findings.filter((f) => f.rule === id).map((f) => f.message), [], `${where}: the fixed form is still reported`);
        });
      }
      for (const block of doc.blocks) {
        if (block.tag !== 'bad' && block.tag !== 'good') continue;
        const expected = block.tag === 'bad' ? 1 : 0;
        it(`${block.tag} example at line ${block.line} (## ${block.section}) has ${expected} finding${expected === 1 ? '' : 's'}`, async () => {
          const where = `${shown}:${block.line} (\`\`\`${block.info})`;
          assert.ok(ANALYZED_LANGUAGES.has(block.language), `${where}: no analyzer for \`${block.language}\` examples yet`);
          const php = block.language === 'php';
          if (php) assert.ok(block.code.startsWith('<?php'), `${where}: an example is analysed as a whole file, so it must start with <?php`);
          // TypeScript examples are analysed as a `.ts` file of their own.
          const result = (await analyzer()).analyzeFile({ path: `${shown}#L${block.line}${php ? '' : '.ts'}`, text: block.code });
          assert.deepEqual(result.errors.map((e) => e.message), [], `${where}: the example must parse cleanly`);
          const lines = new LineIndex(block.code);
          const describeFinding = (f: (typeof result.findings)[number]): string => {
            const lineInBlock = lines.positionAt(f.span.start).line + 1;
            return `  doc line ${block.line + lineInBlock} (example line ${lineInBlock}): ${f.rule} [${f.severity}] ${f.message}`;
          };
          const ofRule = result.findings.filter((f) => f.rule === id);
          assert.equal(
            ofRule.length,
            expected,
            `${where}: a \`${block.tag}\` example must yield ${expected === 1 ? 'exactly one' : 'no'} ${id} finding, got ${ofRule.length}.\n` +
              `Findings (all rules):\n${result.findings.map(describeFinding).join('\n') || '  (none)'}`,
          );
        });
      }
    });
  }
});

describe('rule fixture folders', () => {
  for (const rule of allRules) {
    const id = rule.meta.id;
    it(`test-fixtures/${id}/ has a reported case and an .ok case`, () => {
      const folder = path.join(fixturesRoot, id);
      assert.ok(fs.existsSync(folder), `every rule needs a fixture folder: test-fixtures/${id}/ is missing`);
      const names = fixtureFiles(folder, ['.php', '.ts', '.js']).map((file) => path.basename(file));
      assert.ok(names.some((n) => !n.includes('.ok.')), `test-fixtures/${id}/ needs at least one case that is reported (a file without .ok.); has: ${names.join(', ') || '(none)'}`);
      // A rule for TypeScript only has clean cases in TypeScript (or JavaScript).
      const clean = rule.meta.languages.includes('php') ? ['.ok.php'] : ['.ok.ts', '.ok.js'];
      assert.ok(names.some((n) => clean.some((ext) => n.endsWith(ext))), `test-fixtures/${id}/ needs at least one *${clean.join(' or *')} case; has: ${names.join(', ') || '(none)'}`);
    });
  }
});
