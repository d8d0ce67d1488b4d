// Replaced by the bundler with package.json's version (see esbuild.mjs). Unbundled runs
// (tests, tsc output) have no such global; `typeof` keeps that from throwing.
declare const SESSION_LINT_VERSION: string | undefined;

export const VERSION: string = typeof SESSION_LINT_VERSION === 'string' ? SESSION_LINT_VERSION : '0.0.0-dev';
