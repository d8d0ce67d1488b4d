<?php
// Lookups this machine answers from its own `/etc/hosts`, no DNS query: the name of a loopback
// address and the address of its own name. Twin: `lookup-of-client-address.php`, the name of
// the client's address, a DNS query to a remote server.
session_start();
function is_local_host($host)
{
    $self = gethostname();
    return $host === gethostbyname($self)
        || $host === gethostbyname(gethostname())
        || $host === gethostbyaddr('127.0.0.1')
        || $host === gethostbyaddr('::1');
}
$_SESSION['local'] = is_local_host($_GET['host'] ?? '');
