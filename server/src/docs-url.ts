import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a rule's documentation is: the `docsBaseUrl` setting, else the rule docs shipped with
 * the server (copied next to the bundle; in a build from source, `rules/docs/`), so the link
 * works offline and matches the version that produced the diagnostic.
 */
export function docsUrlFor(baseUrl: string): (rule: string) => string {
  if (baseUrl !== '') {
    const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    return (rule) => `${base}${rule}.md`;
  }
  const folder = shippedDocsFolder();
  return (rule) => pathToFileURL(path.join(folder, `${rule}.md`)).href;
}

let shipped: string | undefined;

function shippedDocsFolder(): string {
  shipped ??= [path.join(__dirname, 'docs'), path.resolve(__dirname, '../../../rules/docs'), path.resolve(__dirname, '../../rules/docs')].find((dir) => fs.existsSync(dir)) ?? path.join(__dirname, 'docs');
  return shipped;
}
