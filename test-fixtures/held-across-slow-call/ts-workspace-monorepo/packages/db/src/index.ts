// The workspace package `@shop/db`: its `exports` name the build output (`dist/`), which maps
// back to these sources through its tsconfig's `outDir` and `rootDir`.
export { Database } from './database.js';
export { audit } from './audit.js';
