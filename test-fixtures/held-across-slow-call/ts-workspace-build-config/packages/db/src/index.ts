// `@shop/db`: its `main` names the build output (`dist/index.js`); the config that builds it is
// the one its `build` script gives `tsc -p` (`build/tsconfig.build.json`: `outDir` `../dist`,
// `rootDirs` `["../src"]`), which maps `dist/` back to these sources.
export { Database } from './database';
export { audit } from './audit';
