<?php
// SquirrelMail's configtest.php (fresh10): the page's first helper starts the session unless a
// setting says where it is, and a helper called on nearly every line may start it where it is
// still closed (reading a preference). Each of those calls adds the places it may open the
// session, but the page holds one lock from the first start on: the later slow work is the
// same held region, one finding (its "also" line), not a second one that forgot the first start.
function location()
{
    if (!empty($GLOBALS['base'])) {
        return $GLOBALS['base'];
    }
    session_start();
    return '/';
}

function user_charset()
{
    if (session_id() === '') {
        session_start();
    }
    return $_SESSION['charset'] ?? 'utf-8';
}

function encode($s)
{
    $charset = is_string($s) && $s !== '' ? 'utf-8' : user_charset();
    return htmlspecialchars($s, ENT_QUOTES, $charset);
}

$here = location();
$imap = fsockopen('imap.example.com', 143); // expect: held-across-slow-call "when `location\(\)` opens it"
echo encode($a1); echo encode($a2); echo encode($a3);
echo encode($a4); echo encode($a5); echo encode($a6);
echo encode($a7); echo encode($a8); echo encode($a9);
$ldap = ldap_connect('ldap.example.com');
ldap_bind($ldap, 'cn=reader', 'secret');
$_SESSION['checked'] = time();
