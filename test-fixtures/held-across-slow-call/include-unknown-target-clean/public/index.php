<?php
// Includes whose target cannot be known reach nothing: no literal suffix (`'/' . $page`), no
// literal start (`getenv('APP_ROOT') . '/remote.php'`; the document root is another case:
// include-document-root), a class constant with no known value. They do not
// fan out to the files of the folder (remote.php is slow, but nothing here names it).
class Installer
{
    const SCHEMA_FILE = SCHEMA;

    public function run()
    {
        include dirname(__FILE__) . '/' . self::SCHEMA_FILE;
    }
}

session_start();
$page = basename($_GET['page'] ?? 'home');
include __DIR__ . '/' . $page;
include getenv('APP_ROOT') . '/remote.php';
(new Installer())->run();
$_SESSION['seen'] = true;
