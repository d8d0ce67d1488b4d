/**
 * Which files a directory walk hands to the analyzer. The one place to edit when the
 * engine learns a language (TypeScript/JavaScript will come here). Files named on the
 * command line are analysed whatever their extension.
 */
// `.inc`, `.phtml` and `.module` are PHP in real projects (Roundcube, templates, Drupal).
export const ANALYSED_EXTENSIONS: readonly string[] = ['.php', '.phtml', '.inc', '.module'];

export function isAnalysedFile(fileName: string): boolean {
  // Lower-cased: `Foo.PHP` is PHP on the case-insensitive file systems people use.
  const lower = fileName.toLowerCase();
  return ANALYSED_EXTENSIONS.some((ext) => lower.endsWith(ext) && lower.length > ext.length);
}
