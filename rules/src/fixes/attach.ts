import type { EditSites, Finding } from '../../../core/src';
import { isSuppressionFix, suppressionFix } from './suppression';

/**
 * Every finding also offers the "ignore this line" fix (display-only). It is added to the
 * findings of a file right after the rules ran on it (`withSuppressionFixIn`, with the syntax
 * tree the rules' fixes already parsed), and once more at the end for the findings that lack
 * one (`withSuppressionFixes`): a finding grouped at its cause stands somewhere new, and only
 * those files are parsed again.
 */
export function withSuppressionFixIn(findings: readonly Finding[], sites: EditSites | undefined): Finding[] {
  if (!sites) return [...findings];
  return findings.map((finding) => {
    const fix = suppressionFix(finding, sites);
    return fix ? { ...finding, fixes: [...finding.fixes, fix] } : finding;
  });
}

export function withSuppressionFixes(all: readonly Finding[], sitesOf: (file: string) => EditSites | undefined): Finding[] {
  const findings = all.filter((finding) => !finding.fixes.some(isSuppressionFix));
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
  return all.map((finding) => withFix.get(finding) ?? finding);
}
