import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PhpParser, PlainTree, type SyntaxNode } from '../../core/src';
import { loadGrammarBytes } from '../src/node-runtime';
import { fixturesRoot } from './support';

/** Every `.php` file under a folder, recursively. */
function phpFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return phpFiles(full);
    return entry.name.endsWith('.php') ? [full] : [];
  });
}

/** Fields of the PHP grammar the analysis asks for. */
const FIELDS = ['body', 'name', 'arguments', 'parameters', 'condition', 'left', 'right', 'operator', 'function', 'object', 'scope', 'value', 'alternative', 'type', 'return_type', 'default_value', 'attributes'];

/** `what` of the plain node equals that of web-tree-sitter's node, and so on down both trees. */
function assertSameTree(plain: SyntaxNode, wasm: SyntaxNode, where: string): void {
  const stack: [SyntaxNode, SyntaxNode][] = [[plain, wasm]];
  while (stack.length > 0) {
    const [p, w] = stack.pop()!;
    const at = `${where}@${w.startIndex}-${w.endIndex} ${w.type}`;
    assert.deepEqual(
      [p.type, p.startIndex, p.endIndex, p.isNamed, p.isMissing, p.hasError, p.childCount, p.namedChildCount, p.text],
      [w.type, w.startIndex, w.endIndex, w.isNamed, w.isMissing, w.hasError, w.childCount, w.namedChildCount, w.text],
      at,
    );
    for (const field of p.isNamed ? FIELDS : []) {
      const spanOf = (node: SyntaxNode | null | undefined): string => (node ? `${node.type}@${node.startIndex}-${node.endIndex}` : 'none');
      assert.equal(spanOf(p.childForFieldName(field)), spanOf(w.childForFieldName(field)), `${at} field ${field}`);
      assert.deepEqual(p.childrenForFieldName(field).map(spanOf), w.childrenForFieldName(field).map(spanOf), `${at} fields ${field}`);
    }
    assert.equal(p.previousNamedSibling?.startIndex, w.previousNamedSibling?.startIndex, `${at} previous named sibling`);
    assert.equal(p.parent?.startIndex, w.parent?.startIndex, `${at} parent`);
    for (let i = 0; i < w.childCount; i++) stack.push([p.child(i)!, w.child(i)!]);
  }
}

describe('plain syntax trees (one copy of the wasm tree, read as arrays)', () => {
  let parser: PhpParser;
  before(async () => {
    parser = await PhpParser.create(await loadGrammarBytes());
  });

  const broken = [
    '<?php function f( { session_start();',
    '<?php if ($a) { sleep(1);',
    '<?php $x = ;\n$y = 1;',
    '<?php class A { public function f() { return $this->; } }',
    'plain text <?= $x ?> more <?php echo "a{$b[1]}c";',
  ];
  const cases: [string, string][] = [
    ...phpFiles(fixturesRoot).map((file): [string, string] => [path.relative(fixturesRoot, file), fs.readFileSync(file, 'utf8')]),
    ...broken.map((text, i): [string, string] => [`broken ${i}`, text]),
  ];

  it('reads every node of every PHP fixture (and broken code) as web-tree-sitter does', function () {
    // Every node read through wasm, a few hundred thousand of them: seconds, more on a busy machine.
    this.timeout(240_000);
    assert.ok(cases.length > 100, 'the fixtures are found');
    for (const [name, text] of cases) {
      const wasm = parser.parse(text);
      try {
        assertSameTree(PlainTree.copy(wasm, text).rootNode, wasm.rootNode, name);
      } finally {
        wasm.delete();
      }
    }
  });

  it('finds the descendants of given types in source order, the node itself included', () => {
    const text = '<?php function f() { session_start(); if ($a) { sleep(1); g(function () { h(); }); } }';
    const wasm = parser.parse(text);
    try {
      const plain = PlainTree.copy(wasm, text);
      const names = (nodes: readonly (SyntaxNode | null)[]): string[] => nodes.map((n) => n!.text);
      for (const types of [['function_call_expression'], ['function_definition', 'anonymous_function'], ['program']]) {
        assert.deepEqual(names(plain.rootNode.descendantsOfType(types)), names(wasm.rootNode.descendantsOfType(types)), types.join());
      }
      assert.equal(plain.rootNode.descendantsOfType('function_call_expression').length, 4);
    } finally {
      wasm.delete();
    }
  });

  it('reads a name the grammar takes for a number (`e107::`, a float to tree-sitter-php) as the name it is', () => {
    const text = '<?php\nfoo();\ne107::getUser()->logout();\n$pref = E1::get("x");\n$n = 1e5 + .5e3;\n';
    const plain = parser.parsePlain(text);
    assert.equal(plain.rootNode.hasError, false);
    const scopes = plain.rootNode.descendantsOfType('scoped_call_expression').map((call) => call!.childForFieldName('scope')!.text);
    assert.deepEqual(scopes, ['e107', 'E1']);
    assert.deepEqual(plain.rootNode.descendantsOfType('float').map((n) => n!.text), ['1e5', '.5e3']);
  });

  it('reads a keyword as the unquoted key of string interpolation (`"$_REQUEST[include]"`) as PHP does: a string key', () => {
    const text = '<?php\necho "x $_REQUEST[include] y $row[class]";\n$s = <<<EOT\na $b[function] c\nEOT;\nif (1) {\n  $ret .= "<x>$info[extends]</x>";\n}\necho "<td>$o->Class</td>";\nsession_start();\n';
    const plain = parser.parsePlain(text);
    assert.equal(plain.rootNode.hasError, false);
    const keys = plain.rootNode.descendantsOfType('subscript_expression').map((read) => read!.children.find((c) => c.type === 'name')?.text);
    assert.deepEqual(keys, ['include', 'class', 'function', 'extends']);
    assert.equal(plain.rootNode.descendantsOfType('function_call_expression').length, 1);
    const properties = plain.rootNode.descendantsOfType('member_access_expression').map((read) => read!.childForFieldName('name')?.text);
    assert.deepEqual(properties, ['Class']);
  });

  it('reads a `#?` comment to the end of its line as PHP does (the grammar ends it before the `?`), and `#?>` still closes PHP', () => {
    const plain = parser.parsePlain('<?php\nfunction f() {\n  #? $a ? $b : $c);\n  return 1;\n}\n#?>\n<p>x</p>\n');
    assert.equal(plain.rootNode.hasError, false);
    assert.deepEqual(plain.rootNode.descendantsOfType('comment').map((c) => c!.text), ['#? $a ? $b : $c);', '#']);
    assert.equal(plain.rootNode.descendantsOfType('text').map((t) => t!.text).join('').includes('<p>x</p>'), true);
  });

  it('ends a line comment at its first `?>` as PHP does, also after another `?` (`}//newpage??>`)', () => {
    const plain = parser.parsePlain('<?php if (true) { ?>\n<div>a</div>\n<?php }//newpage??>\n<div class="x">b</div>\n');
    assert.equal(plain.rootNode.hasError, false);
    assert.deepEqual(plain.rootNode.descendantsOfType('comment').map((c) => c!.text), ['//newpage?']);
  });

  it('finds the smallest node around a range as web-tree-sitter does (what the fixes read)', () => {
    // Every offset of a few fixtures and broken texts, as a point and as a range to the next few characters.
    const sample = cases.filter(([name], i) => i % 25 === 0 || name.startsWith('broken'));
    assert.ok(sample.length >= 5);
    for (const [name, text] of sample) {
      const wasm = parser.parse(text);
      try {
        const plain = PlainTree.copy(wasm, text);
        for (let start = 0; start <= text.length; start++) {
          for (const end of [start, Math.min(text.length, start + 3), Math.min(text.length, start + 40)]) {
            const w = wasm.rootNode.descendantForIndex(start, end)!;
            const p = plain.node(plain.descendantForIndex(start, end))!;
            assert.deepEqual([p.type, p.startIndex, p.endIndex], [w.type, w.startIndex, w.endIndex], `${name} ${start}-${end}`);
          }
        }
      } finally {
        wasm.delete();
      }
    }
  });

  it('copies a re-parsed text as a fresh copy would, reusing the statements an edit left alone', async () => {
    // A parser that keeps its trees (as the language server's), typing into long texts.
    const typing = await PhpParser.create(await loadGrammarBytes());
    typing.keepRecentTrees(2);
    const long = ['<?php', 'session_start();', ...Array.from({ length: 120 }, (_, i) => [`function f${i}($x) {`, `    if ($x) { $_SESSION['k${i}'] = $x; }`, '    return $x;', '}', `f${i}(${i});`]).flat()].join('\n');
    const texts = [long, ...cases.filter(([name], i) => i % 40 === 0 && !name.startsWith('broken')).map(([, text]) => text)];
    const arrays = (tree: PlainTree) => [tree.typeIds, tree.starts, tree.ends, tree.parents, tree.subtreeEnds, tree.previousSiblings, tree.fieldIds, tree.flags].map((a) => [...a]);
    let compared = 0;
    for (const [n, original] of texts.entries()) {
      let text = original;
      typing.parsePlain(text, `file${n}.php`);
      for (let step = 0; step < 12; step++) {
        const at = Math.floor(((step * 7919 + n * 104729) % 1000) / 1000 * text.length);
        // Insertions and deletions of a few characters: spaces, a statement, a brace that breaks the rest.
        const edits = [(t: string) => t.slice(0, at) + ' ' + t.slice(at), (t: string) => t.slice(0, at) + t.slice(at + 2), (t: string) => t.slice(0, at) + '\n$y = 1;\n' + t.slice(at), (t: string) => t.slice(0, at) + '{' + t.slice(at)];
        text = edits[step % edits.length]!(text);
        const incremental = typing.parsePlain(text, `file${n}.php`);
        const fresh = parser.parsePlain(text);
        assert.deepEqual(arrays(incremental), arrays(fresh), `text ${n}, edit ${step + 1}`);
        compared++;
      }
    }
    assert.ok(compared >= 36);
  });

  it('reads `self` and `parent` without `::` as the constant names they are (`\'…\'.SELF`)', () => {
    const text = "<?php\necho 'path: '.SELF;\n$a = [SELF => PARENT];\nclass B extends A { function f() { return parent::f() . self::$x; } }\n";
    const plain = parser.parsePlain(text);
    assert.equal(plain.rootNode.hasError, false);
    const names = plain.rootNode.descendantsOfType('name').map((n) => n!.text);
    assert.ok(names.includes('SELF') && names.includes('PARENT'), names.join(' '));
    const scopes = plain.rootNode.descendantsOfType('relative_scope').map((n) => n!.text);
    assert.deepEqual(scopes, ['parent', 'self']);
  });

  it('gives the same node for the same index, whichever way it is reached', () => {
    const plain = parser.parsePlain('<?php f(1);');
    const call = plain.rootNode.descendantsOfType('function_call_expression')[0]!;
    assert.equal(call.parent!.namedChildren[0]!.id, call.id);
    assert.equal(call.parent!.namedChildren[0]!.text, 'f(1)');
  });
});
