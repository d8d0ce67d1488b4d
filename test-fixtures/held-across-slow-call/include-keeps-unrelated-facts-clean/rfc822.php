<?php
$rfc822_pattern = '/^[^@\s]+@[^@\s]+$/';
function rfc822_valid($email) {
    return (bool) preg_match('/^[^@\s]+@[^@\s]+$/', $email);
}
