<?php
// An older copy of the model: a second file whose path ends in `Model/Site.php`, so the include's
// written rest names no one file either (`flow/include-suffixes.ts`) and the twin still tests only
// what the include root reaches.
session_start();
$_SESSION['last_activity'] = time();
