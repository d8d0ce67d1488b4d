<?php
// Modules are loaded by name: `modules/<name>/<name>.php` (pluck's module loader). The same
// variable read twice in one path is the same text, so the include names each module folder's
// file of the folder's own name, never the folder's other files: the stand-alone image endpoint
// beside the module (its own request, no session) is not part of this request.
session_start();
foreach (scandir(__DIR__ . '/modules') as $module) {
    if (file_exists('modules/' . $module . '/' . $module . '.php')) {
        require_once 'modules/' . $module . '/' . $module . '.php';
    }
}
$_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
echo gallery_news(); // expect: held-across-slow-call "which reaches `file_get_contents\(\)`"
