<?php
$verify = getenv('VERIFY_EMAIL_DOMAINS') !== false;
function rfc822_valid($email) {
    return (bool) preg_match('/^[^@\s]+@[^@\s]+$/', $email);
}
