<?php
// Reduced from A2Billing (admin.defines.php, admin.module.access.php, the admin pages): the
// 60-minute timeout empties `$_SESSION` and destroys the session, then the language selection
// writes `$_SESSION['ui_language']` (lost: reported here, once for the pages that include this
// file). That write sets one key only: `$_SESSION['rights']` is still unset, so each page's
// `has_rights()` check is 0 and the page exits before its own write, which is not reported.
session_start();
if (isset($_SESSION['startTime'])) {
    if (time() - $_SESSION['startTime'] > 3600) {
        $_SESSION = array();
        session_destroy();
    }
} else {
    $_SESSION['startTime'] = time();
}
if (isset($_GET['ui_language'])) {
    $_SESSION['ui_language'] = $_GET['ui_language']; // expect: write-after-close@info
} elseif (!isset($_SESSION['ui_language'])) {
    $_SESSION['ui_language'] = 'english';
}
