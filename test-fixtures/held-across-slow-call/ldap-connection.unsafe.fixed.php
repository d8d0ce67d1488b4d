<?php
// Connecting to a directory server waits on the network: `ldap_connect()` only parses the URL,
// the STARTTLS handshake and the bind open the connection. With the session open that is
// reported (once: the bind and the query after it are the same region's telling).
declare(strict_types=1);

session_start();
$ds = ldap_connect('ldap://directory.corp.example');
ldap_set_option($ds, LDAP_OPT_PROTOCOL_VERSION, 3);
session_write_close();
ldap_start_tls($ds); // expect: held-across-slow-call "until the directory server answers"
if (@ldap_bind($ds, (string) $_POST['dn'], (string) $_POST['password'])) {
    session_start();
    $_SESSION['dn'] = (string) $_POST['dn'];
    $entry = ldap_get_entries($ds, ldap_read($ds, $_SESSION['dn'], '(objectClass=*)', ['cn']));
    $_SESSION['cn'] = $entry[0]['cn'][0];
    session_write_close();
}
