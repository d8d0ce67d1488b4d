<?php
// Twin of `lookups-of-own-host.ok.php`: the name of the client's address (or of another
// private address) is a DNS query, which waits for a remote server.
session_start();
function client_name()
{
    $gateway = gethostbyaddr('10.0.0.1');
    return $_SERVER['REMOTE_ADDR'] === '10.0.0.1' ? $gateway : gethostbyaddr($_SERVER['REMOTE_ADDR']);
}
$_SESSION['client'] = client_name(); // expect: held-across-slow-call@warning "gethostbyaddr"
