<?php
// MediaWiki (TemplateParser): the template folder is a property set from `__DIR__` in the constructor; reading a template is local.
class TemplateParser {
    private string $templateDir;
    public function __construct(?string $templateDir = null) { $this->templateDir = $templateDir ?: __DIR__ . '/templates'; }
    public function getTemplate(string $name): string {
        $filename = "{$this->templateDir}/{$name}.mustache";
        if (!file_exists($filename)) { throw new RuntimeException("Could not find template `{$name}`"); }
        return (string) file_get_contents($filename);
    }
}
session_start(); $_SESSION['views'] = ($_SESSION['views'] ?? 0) + 1;
echo (new TemplateParser())->getTemplate('NoLocalSettings');
