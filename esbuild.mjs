// Bundles each shipped entry point into one CommonJS file, and copies the files the bundle
// reads at run time (the parser's wasm) next to it. `tsc -b` type-checks; this only bundles.
// Usage: node esbuild.mjs [--watch]
import * as esbuild from 'esbuild';
import { chmod, copyFile, cp, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

// web-tree-sitter locates its wasm through `import.meta.url`, which is empty in a CommonJS
// bundle: give it the bundle's own URL instead.
const importMetaUrlBanner = "const __import_meta_url=require('url').pathToFileURL(__filename).href;";
const importMetaUrlDefine = { 'import.meta.url': '__import_meta_url' };

/** The parser's runtime and grammar: read next to the bundle (rules/src/node-runtime.ts). */
const parserWasm = ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'node_modules/tree-sitter-php/tree-sitter-php.wasm'];

/**
 * One entry per shipped bundle: the CLI, the language server (and its analysis worker), the
 * VS Code client. `executable` adds the shebang and the exec bit; `assets` are copied next to
 * `outfile`, `assetFolders` ([from, to]) into a folder next to it.
 */
const bundles = [
  {
    name: 'cli',
    entryPoint: 'cli/src/main.ts',
    outfile: 'cli/out/session-lint.js',
    executable: true,
    // Only ever passed to `require.resolve` (the wasm fallback for unbundled installs):
    // resolved at run time, never bundled.
    external: ['tree-sitter-php/package.json', 'web-tree-sitter/web-tree-sitter.wasm'],
    assets: parserWasm,
  },
  {
    // The CLI's worker threads (`--jobs`): parse and lower PHP files (rules/src/parallel/).
    name: 'php-worker',
    entryPoint: 'rules/src/parallel/php-worker.ts',
    outfile: 'cli/out/php-worker.js',
    external: ['tree-sitter-php/package.json', 'web-tree-sitter/web-tree-sitter.wasm'],
    assets: [],
  },
  {
    name: 'server',
    entryPoint: 'server/src/main.ts',
    outfile: 'server/out/server.js',
    external: ['tree-sitter-php/package.json', 'web-tree-sitter/web-tree-sitter.wasm'],
    assets: parserWasm,
    // "Show documentation" opens the rule docs shipped with the server (server/src/docs-url.ts).
    assetFolders: [['rules/docs', 'docs']],
    // The schema VS Code validates session-lint.json with (package.json `jsonValidation`).
    extraAssets: ['rules/src/config/session-lint.schema.json'],
  },
  {
    // The analysis runs in a worker thread so the server's connection is never blocked.
    name: 'analysis-worker',
    entryPoint: 'server/src/analysis/worker.ts',
    outfile: 'server/out/analysis-worker.js',
    external: ['tree-sitter-php/package.json', 'web-tree-sitter/web-tree-sitter.wasm'],
    assets: [],
  },
  {
    name: 'client',
    entryPoint: 'client/src/extension.ts',
    outfile: 'client/out/extension.js',
    external: ['vscode'],
    assets: [],
  },
];

/**
 * TypeScript's API as plain module bindings. TypeScript is CommonJS whose exports are getters;
 * `import * as ts from 'typescript'` bundled as is reads every `ts.isIdentifier` through two
 * getters (esbuild's interop copy, then TypeScript's own), a tenth of a cold run's CPU on
 * JavaScript-heavy projects. This plugin puts a module between the sources and TypeScript that
 * reads each export once, at load, into a constant: esbuild then turns `ts.isIdentifier(node)`
 * into a direct call. TypeScript sets its exports once when it loads, so the constants hold
 * the same values.
 */
const typescriptBindings = {
  name: 'typescript-bindings',
  setup(build) {
    build.onResolve({ filter: /^typescript$/ }, (args) => (args.namespace === 'typescript-bindings' ? undefined : { path: 'typescript', namespace: 'typescript-bindings' }));
    build.onLoad({ filter: /.*/, namespace: 'typescript-bindings' }, () => {
      const api = createRequire(path.join(root, 'package.json'))('typescript');
      const names = Object.keys(api).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));
      const contents = ["import ts from 'typescript';", ...names.map((name) => `export const ${name} = ts.${name};`), 'export default ts;'].join('\n');
      return { contents, resolveDir: root, loader: 'js' };
    });
  },
};

function optionsFor(bundle) {
  const banner = [bundle.executable ? '#!/usr/bin/env node' : '', importMetaUrlBanner].filter(Boolean).join('\n');
  return {
    absWorkingDir: root,
    entryPoints: [bundle.entryPoint],
    outfile: bundle.outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: bundle.external,
    banner: { js: banner },
    define: { ...importMetaUrlDefine, SESSION_LINT_VERSION: JSON.stringify(version) },
    sourcemap: true,
    logLevel: 'warning',
    plugins: [typescriptBindings],
  };
}

async function copyAssets(bundle) {
  const outDir = path.join(root, path.dirname(bundle.outfile));
  await mkdir(outDir, { recursive: true });
  for (const asset of bundle.assets) {
    await copyFile(path.join(root, asset), path.join(outDir, path.basename(asset)));
  }
  for (const asset of bundle.extraAssets ?? []) {
    await copyFile(path.join(root, asset), path.join(outDir, path.basename(asset)));
  }
  for (const [from, to] of bundle.assetFolders ?? []) {
    await cp(path.join(root, from), path.join(outDir, to), { recursive: true });
  }
  if (bundle.executable) await chmod(path.join(root, bundle.outfile), 0o755);
}

if (watch) {
  for (const bundle of bundles) {
    const context = await esbuild.context({
      ...optionsFor(bundle),
      // Re-copy after every rebuild: the exec bit is lost when esbuild rewrites the file.
      plugins: [typescriptBindings, { name: 'assets', setup: (build) => build.onEnd(() => copyAssets(bundle)) }],
    });
    await context.watch();
  }
  console.log('watching for changes…');
} else {
  for (const bundle of bundles) {
    await esbuild.build(optionsFor(bundle));
    await copyAssets(bundle);
  }
}
