// The inputs tools/bench.mjs writes for one run: the large generated files, the rules and
// configurations of the tools compared, and the names the floor searches for.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * A generated PHP file of about `size` bytes: plain functions (loops, arrays, strings), and every
 * hundredth one a handler that holds the session across a sleep, as generated code mostly is.
 */
export function generatedPhp(file, size) {
  const plain = (i) =>
    `function step_${i}(array $input): int {\n    $total = 0;\n    foreach ($input as $key => $value) {\n        $total += strlen((string) $value) * ${i};\n    }\n    return $total + count($input);\n}\n`;
  const handler = (i) => `function handler_${i}() {\n    session_start();\n    $_SESSION['n'] = ${i};\n    sleep(1);\n}\n`;
  return writeParts(file, size, ['<?php\n'], (i) => (i % 100 === 0 ? handler(i) : plain(i)));
}

/** The same for TypeScript: plain functions, every hundredth a handler holding the module's pooled client across a fetch. */
export function generatedTs(file, size) {
  const plain = (i) =>
    `export function step${i}(input: readonly string[]): number {\n  let total = 0;\n  for (const value of input) {\n    total += value.length * ${i};\n  }\n  return total + input.length;\n}\n`;
  const handler = (i) =>
    `export async function handler${i}() {\n  const client = await pool.connect();\n  await fetch('https://example.com/${i}');\n  client.release();\n}\n`;
  return writeParts(file, size, ["import { Pool } from 'pg';\n\nconst pool = new Pool();\n"], (i) => (i % 100 === 0 ? handler(i) : plain(i)));
}

function writeParts(file, size, head, part) {
  const parts = [...head];
  for (let i = 0, length = head.join('').length; length < size; i++) {
    const next = part(i);
    parts.push(next);
    length += next.length;
  }
  fs.writeFileSync(file, parts.join(''));
  return file;
}

/**
 * The closest ast-grep rule to this problem: a `session_start()` in a function or method body
 * that also reaches a slow call and has no `session_write_close()`.
 */
export function astGrepRelationalRule(file) {
  fs.writeFileSync(
    file,
    [
      'id: session-held-across-slow-call',
      'language: php',
      'severity: warning',
      'message: session_start() in a function that also does slow work and never closes the session',
      'rule:',
      '  pattern: session_start($$$)',
      '  inside:',
      '    stopBy: end',
      '    any: [{ kind: function_definition }, { kind: method_declaration }]',
      '    has:',
      '      stopBy: end',
      '      any: [{ pattern: sleep($$$) }, { pattern: curl_exec($$$) }, { pattern: file_get_contents($$$) }]',
      '    not:',
      '      has: { stopBy: end, pattern: session_write_close() }',
      '',
    ].join('\n'),
  );
  return file;
}

/** phpcs with only Generic.PHP.ForbiddenFunctions, forbidding the session functions. */
export function phpcsRuleset(file) {
  const forbidden = ['session_start', 'session_write_close', 'session_regenerate_id'];
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<ruleset name="sessions">\n  <rule ref="Generic.PHP.ForbiddenFunctions">\n    <properties>\n      <property name="forbiddenFunctions" type="array">\n${forbidden
      .map((name) => `        <element key="${name}" value="null"/>\n`)
      .join('')}      </property>\n    </properties>\n  </rule>\n</ruleset>\n`,
  );
  return file;
}

/** ESLint 9 with @typescript-eslint/parser and only `no-await-in-loop`. */
export function eslintConfig(file, parserPath) {
  fs.writeFileSync(
    file,
    `import parser from ${JSON.stringify(parserPath)};\nexport default [{ files: ['**/*.ts'], languageOptions: { parser }, rules: { 'no-await-in-loop': 'error' } }];\n`,
  );
  return file;
}

/** The names the PHP catalogs know can start a lock (native functions, framework presets). */
export async function phpLockNames(repo) {
  const { phpNativeCatalog } = await import(path.join(repo, 'build/rules/src/catalog/php-native.js'));
  const { allPresets } = await import(path.join(repo, 'build/rules/src/frameworks/index.js'));
  const names = new Set([phpNativeCatalog.sessionVariable]);
  for (const catalog of [phpNativeCatalog, ...allPresets.map((preset) => preset.catalog)]) {
    for (const table of [catalog.functions, catalog.methods]) {
      for (const [name, api] of Object.entries(table ?? {})) if (api?.effect === 'open') names.add(name.split('::').pop());
    }
  }
  return [...names].sort();
}

/** The modules the Node catalog knows hold a resource (pools, transactions, sessions). */
export async function tsLockModules(repo) {
  const { nodeCatalog } = await import(path.join(repo, 'build/rules/src/catalog/node.js'));
  const { nodeSessionObjects } = await import(path.join(repo, 'build/rules/src/catalog/node-sessions.js'));
  const names = new Set();
  for (const resource of [...(nodeCatalog.heldResources ?? []), nodeSessionObjects, ...(nodeSessionObjects.loaders ?? [])]) {
    for (const name of [resource?.module, ...(resource?.modules ?? [])]) if (typeof name === 'string') names.add(name);
  }
  return [...names].sort();
}
