<?php
// Twin of `once-include-not-yet-run`: inner.php's include_once names a file this request has
// certainly included before, on every path, so it does nothing: no reopen after output.
if (isset($_REQUEST['what'])) {
    include_once __DIR__ . '/lib.inc.php';
    switch ($_REQUEST['what']) {
        case 'a':
            include __DIR__ . '/inner.php';
            exit;
    }
}
