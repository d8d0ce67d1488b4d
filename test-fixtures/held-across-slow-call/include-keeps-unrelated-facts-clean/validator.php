<?php
// osTicket's Validator::is_email(): libraries are included inside the function before the
// parameter's default (`$verify = false`) is tested. The included file runs in the function's
// scope but mentions no `$verify`, and an include that reaches no file (PEAR_DIR is not
// defined here) changes nothing, so a call that leaves the argument out never resolves DNS.
function is_email($email, $verify = false) {
    require_once __DIR__ . '/rfc822.php';
    require_once PEAR_DIR . 'PEAR.php';
    if (!rfc822_valid($email)) {
        return false;
    }
    if ($verify && !dns_get_record(substr(strrchr($email, '@'), 1) . '.', DNS_MX)) {
        return false;
    }
    return true;
}
