<?php
// Reduced from the corpus (Postfix Admin): the bootstrap is included through a variable that
// holds one of two literal paths; either way it opens the session, which the mail then holds.
if (is_file('common.php')) {
    $rel_path = './';
} else {
    $rel_path = '../';
}
require_once $rel_path . 'common.php';

mail('user@example.com', 'Your code', 'Code: 1234'); // expect: held-across-slow-call
