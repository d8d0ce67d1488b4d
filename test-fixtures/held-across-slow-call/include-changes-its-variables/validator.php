<?php
// A file included inside a function runs in its scope: here it sets `$verify` itself, after
// the parameter's default (`$verify = false`) was set, so the default no longer decides the
// test and the DNS lookup may run.
function is_email($email, $verify = false) {
    require_once __DIR__ . '/rfc822.php';
    if (!rfc822_valid($email)) {
        return false;
    }
    if ($verify && !dns_get_record(substr(strrchr($email, '@'), 1) . '.', DNS_MX)) {
        return false;
    }
    return true;
}
