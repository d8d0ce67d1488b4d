// Bundles each shipped entry point into one CommonJS file, and copies the files the bundle
// reads at run time (the parser's wasm) next to it. `tsc -b` type-checks; this only bundles.
// Usage: node esbuild.mjs [--watch]
import * as esbuild from 'esbuild';
import { chmod, copyFile, mkdir, readFile } from 'node:fs/promises';
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
 * One entry per shipped bundle; the server and the VS Code client will be added here.
 * `executable` adds the shebang and the exec bit; `assets` are copied next to `outfile`.
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
];

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
  };
}

async function copyAssets(bundle) {
  const outDir = path.join(root, path.dirname(bundle.outfile));
  await mkdir(outDir, { recursive: true });
  for (const asset of bundle.assets) {
    await copyFile(path.join(root, asset), path.join(outDir, path.basename(asset)));
  }
  if (bundle.executable) await chmod(path.join(root, bundle.outfile), 0o755);
}

if (watch) {
  for (const bundle of bundles) {
    const context = await esbuild.context({
      ...optionsFor(bundle),
      // Re-copy after every rebuild: the exec bit is lost when esbuild rewrites the file.
      plugins: [{ name: 'assets', setup: (build) => build.onEnd(() => copyAssets(bundle)) }],
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
