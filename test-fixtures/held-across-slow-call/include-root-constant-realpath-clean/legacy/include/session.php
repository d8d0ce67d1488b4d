<?php
// An older copy: a second file whose path ends in `include/session.php`, so the include's written
// rest names no one file either (`flow/include-suffixes.ts`) and the twin still tests only what the
// root constant reaches.
session_start();
