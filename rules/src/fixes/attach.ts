import type { Finding, PhpEditSites } from '../../../core/src';
import { suppressionFix } from './suppression';

/**
 * Every finding also offers the "ignore this line" fix (display-only), added once the
 * findings are final (grouped at their cause, suppressions applied). Each file is parsed
 * again only if a finding is in it, and its tree freed at once.
 */
export function withSuppressionFixes(findings: readonly Finding[], sitesOf: (file: string) => PhpEditSites | undefined): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.span.file);
    if (list) list.push(finding);
    else byFile.set(finding.span.file, [finding]);
  }
  const withFix = new Map<Finding, Finding>();
  for (const [file, inFile] of byFile) {
    const sites = sitesOf(file);
    if (!sites) continue;
    try {
      for (const finding of inFile) {
        const fix = suppressionFix(finding, sites);
        if (fix) withFix.set(finding, { ...finding, fixes: [...finding.fixes, fix] });
      }
    } finally {
      sites.dispose();
    }
  }
  return findings.map((finding) => withFix.get(finding) ?? finding);
}
