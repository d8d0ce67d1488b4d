<?php
// Reduced from A2Billing (admin.defines.php, admin.module.access.php, the admin pages): the
// 60-minute timeout empties `$_SESSION` and destroys the session, then the language selection
// writes `$_SESSION['ui_language']` (lost: reported here, once for the pages that include this
// file), and optional settings write keys of their own on some paths (menu section, style:
// paths that wrote different keys, more than a join keeps apart, stay "emptied" with every key
// any of them wrote). None of those writes sets `$_SESSION['rights']`, so each page's
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
if (isset($_GET['section'])) {
    $_SESSION['menu_section'] = (int) $_GET['section'];
}
if (isset($_GET['css'])) {
    $_SESSION['stylefile'] = basename($_GET['css']);
}
