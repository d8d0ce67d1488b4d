<?php
// A path variable assigned on two branches, each a file of the app (`__DIR__`-relative): local
// whichever branch ran, so reading it is not slow.
declare(strict_types=1);

session_start();
$path = __DIR__ . '/lang/en.json';
if (($_SESSION['lang'] ?? 'en') === 'fr') {
    $path = __DIR__ . '/lang/fr.json';
}
$strings = json_decode((string) file_get_contents($path), true);
$_SESSION['strings_loaded'] = true;
echo $strings['welcome'] ?? 'Welcome';
