import * as assert from 'node:assert/strict';
import * as posix from 'node:path/posix';
import type { ProjectHost } from '../src/api';
import { foldersAbove } from '../src/typescript/folders';
import { TsConfigs } from '../src/typescript/tsconfigs';
import { pnpmPackagePatterns, TsWorkspaces } from '../src/typescript/workspaces';

/** A host over files in memory, with folders derived from their paths. */
function memoryHost(files: Record<string, string>, levelsAbove = 0): ProjectHost {
  const folders = new Set<string>();
  for (const file of Object.keys(files)) {
    for (let dir = posix.dirname(file); dir !== '.' && !folders.has(dir); dir = posix.dirname(dir)) folders.add(dir);
  }
  return {
    levelsAbove,
    readFile: (path) => files[path],
    listFolders: (dir) => [...folders].filter((f) => posix.dirname(f) === dir || (dir === '.' && !f.includes('/'))),
  };
}

function lookups(host: ProjectHost): { configs: TsConfigs; workspaces: TsWorkspaces } {
  let configs: TsConfigs | undefined;
  const workspaces = new TsWorkspaces(host, host.levelsAbove ?? 0, (folder) => configs?.buildFolders(folder));
  configs = new TsConfigs(host, host.levelsAbove ?? 0, (from, name) => workspaces.packageFolder(from, name));
  return { configs, workspaces };
}

describe('TypeScript projects: the config each file belongs to', () => {
  it('walks up from a file to the working directory, then as far above it as the host allows', () => {
    assert.deepEqual(foldersAbove('apps/api/src/x.ts', 0), ['apps/api/src', 'apps/api', 'apps', '.']);
    assert.deepEqual(foldersAbove('src/x.ts', 2), ['src', '.', '..', '../..']);
    assert.deepEqual(foldersAbove('../../packages/db/src/x.ts', 2), ['../../packages/db/src', '../../packages/db', '../../packages', '../..']);
  });

  it('takes a solution-style tsconfig.json to the referenced config that includes the file', () => {
    const { configs } = lookups(
      memoryHost({
        'web/tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }] }',
        'web/tsconfig.app.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } }, "include": ["src"] }',
        'web/tsconfig.node.json': '{ "include": ["vite.config.ts"] }',
      }),
    );
    assert.equal(configs.projectOf('web/src/routes/pay.ts')?.path, 'web/tsconfig.app.json');
    assert.equal(configs.projectOf('web/vite.config.ts')?.path, 'web/tsconfig.node.json');
    assert.deepEqual(configs.pathConfig('web/src/routes/pay.ts'), { dir: 'web', baseUrl: '.', paths: { '@/*': ['src/*'] } });
  });

  it('passes over a nearest config that excludes the file to an ancestor that includes it, else keeps the nearest', () => {
    const { configs } = lookups(
      memoryHost({
        'tsconfig.json': '{ "include": ["server/**/*.ts"] }',
        'server/tsconfig.json': '{ "include": ["src"], "exclude": ["src/generated"] }',
      }),
    );
    assert.equal(configs.projectOf('server/src/a.ts')?.path, 'server/tsconfig.json');
    assert.equal(configs.projectOf('server/src/generated/b.ts')?.path, 'tsconfig.json');
    assert.equal(configs.projectOf('server/scripts/seed.ts')?.path, 'tsconfig.json');
    assert.equal(configs.projectOf('tools/x.ts')?.path, 'tsconfig.json');
  });

  it('follows extends into a workspace package, a node_modules package and a relative base, in order', () => {
    const { configs } = lookups(
      memoryHost({
        'package.json': '{ "workspaces": ["packages/*"] }',
        'packages/tsconfig/package.json': '{ "name": "@repo/tsconfig" }',
        'packages/tsconfig/node.json': '{ "compilerOptions": { "experimentalDecorators": true, "outDir": "never-used" } }',
        'node_modules/@tsconfig/node20/tsconfig.json': '{ "compilerOptions": { "target": "es2022" } }',
        'packages/api/tsconfig.json': '{ "extends": ["@tsconfig/node20/tsconfig.json", "@repo/tsconfig/node.json"], "compilerOptions": { "outDir": "dist" }, "include": ["src"] }',
      }),
    );
    const project = configs.projectOf('packages/api/src/main.ts');
    assert.equal(project?.path, 'packages/api/tsconfig.json');
    assert.deepEqual(project?.compilerOptions, { target: 'es2022', experimentalDecorators: true, outDir: 'dist' });
    assert.deepEqual(project?.build, { outDir: 'packages/api/dist', rootDir: 'packages/api/src' });
    assert.equal(project?.includes('packages/api/dist/main.ts'), false);
  });

  it('never loops on configs that extend or reference each other', () => {
    const { configs } = lookups(
      memoryHost({
        'tsconfig.json': '{ "extends": "./b.json", "files": [], "references": [{ "path": "./tsconfig.json" }] }',
        'b.json': '{ "extends": "./tsconfig.json" }',
      }),
    );
    assert.equal(configs.projectOf('src/a.ts')?.path, 'tsconfig.json');
  });
});

describe('TypeScript projects: workspace packages by name', () => {
  const files = {
    'pnpm-workspace.yaml': "packages:\n  - 'packages/*'\n  - apps/** # nested apps\n  - '!packages/legacy'\nonlyBuiltDependencies:\n  - esbuild\n",
    'packages/db/package.json': '{ "name": "@shop/db", "exports": { ".": { "types": "./dist/index.d.ts", "import": "./dist/index.js" }, "./client/*": "./dist/client/*.js" } }',
    'packages/db/tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "src" } }',
    'packages/legacy/package.json': '{ "name": "@shop/legacy", "main": "index.js" }',
    'apps/web/admin/package.json': '{ "name": "admin", "main": "./server.js" }',
  };

  it('reads the packages of a pnpm workspace, not the keys after them', () => {
    assert.deepEqual(pnpmPackagePatterns(files['pnpm-workspace.yaml']), ['packages/*', 'apps/**', '!packages/legacy']);
  });

  it('maps `exports` (conditions, subpath patterns) back to the sources through the package tsconfig', () => {
    const { workspaces } = lookups(memoryHost(files));
    assert.deepEqual(workspaces.modulePaths('apps/web/admin/server.ts', '@shop/db'), ['packages/db/src/index', 'packages/db/dist/index', 'packages/db/src/index.js', 'packages/db/dist/index.js']);
    assert.deepEqual(workspaces.modulePaths('apps/web/admin/server.ts', '@shop/db/client/pg'), ['packages/db/src/client/pg.js', 'packages/db/dist/client/pg.js']);
    assert.deepEqual(workspaces.modulePaths('packages/db/src/index.ts', 'admin'), ['apps/web/admin/server.js', 'apps/web/admin/index']);
  });

  it('knows no package a glob leaves out, nor one outside the workspace', () => {
    const { workspaces } = lookups(memoryHost(files));
    assert.equal(workspaces.modulePaths('apps/web/admin/server.ts', '@shop/legacy'), undefined);
    assert.equal(workspaces.modulePaths('apps/web/admin/server.ts', 'pg'), undefined);
    // A package of the workspace whose `exports` has no such subpath: nothing to try.
    assert.deepEqual(workspaces.modulePaths('apps/web/admin/server.ts', '@shop/db/missing'), []);
  });

  it('resolves `${configDir}` in a shared base config against each package config that extends it', () => {
    // Medusa's shape: `_tsconfig.base.json` at the root sets `"outDir": "${configDir}/dist"` and
    // `"include": ["${configDir}/src"]` for every package; a package only sets its `rootDir`.
    const { configs, workspaces } = lookups(
      memoryHost({
        'package.json': '{ "workspaces": ["packages/*"] }',
        '_tsconfig.base.json': '{ "compilerOptions": { "outDir": "${configDir}/dist" }, "include": ["${configDir}/src"], "exclude": ["${configDir}/dist"] }',
        'packages/types/package.json': '{ "name": "@shop/types", "exports": { "./payment": "./dist/payment/index.js" } }',
        'packages/types/tsconfig.json': '{ "extends": "../../_tsconfig.base.json", "compilerOptions": { "rootDir": "./src" } }',
        'packages/api/tsconfig.json': '{ "extends": "../../_tsconfig.base.json" }',
      }),
    );
    assert.deepEqual(workspaces.modulePaths('packages/api/src/x.ts', '@shop/types/payment'), ['packages/types/src/payment/index.js', 'packages/types/dist/payment/index.js']);
    assert.equal(configs.projectOf('packages/api/src/orders.ts')?.path, 'packages/api/tsconfig.json');
    assert.equal(configs.projectOf('packages/api/src/orders.ts')?.includes('packages/api/src/orders.ts'), true);
    assert.equal(configs.projectOf('packages/api/scripts/seed.ts')?.includes('packages/api/scripts/seed.ts'), false);
  });

  it('finds the workspace root above the working directory only as far as the host allows', () => {
    const above = Object.fromEntries(Object.entries(files).map(([path, text]) => [`../../${path}`, text]));
    assert.deepEqual(lookups(memoryHost(above, 2)).workspaces.modulePaths('src/x.ts', '@shop/db')?.[0], '../../packages/db/src/index');
    assert.equal(lookups(memoryHost(above, 1)).workspaces.modulePaths('src/x.ts', '@shop/db'), undefined);
  });
});
