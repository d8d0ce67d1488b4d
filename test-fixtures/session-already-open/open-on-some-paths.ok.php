<?php
// The session is open on one path only (resumed when a cookie came with the request), so the
// unconditional start after it is needed on the other path: PHP ignores it only sometimes, and
// this rule reports starts that are ignored on every path.
declare(strict_types=1);

if (isset($_COOKIE[session_name()])) {
    session_start();
}
session_start();
$_SESSION['consent'] = ($_POST['consent'] ?? '') === 'yes';
session_write_close();
