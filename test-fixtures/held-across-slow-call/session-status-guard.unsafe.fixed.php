<?php
// The usual "start it if nobody did" guard: with the session closed on entry the guard always
// starts it, so the session is definitely open (not maybe-open) at the LDAP bind.
declare(strict_types=1);

$ldap = ldap_connect('ldaps://directory.corp.example:636');
ldap_set_option($ldap, LDAP_OPT_PROTOCOL_VERSION, 3);
ldap_set_option($ldap, LDAP_OPT_NETWORK_TIMEOUT, 5);

if (session_status() === PHP_SESSION_NONE) {
    session_start();
}

$username = (string) ($_SESSION['username'] ?? '');

// The anonymous bind opens the connection: the slow part (the search after it is a query).
session_write_close();
ldap_bind($ldap); // expect: held-across-slow-call
$result = ldap_search($ldap, 'ou=people,dc=corp,dc=example', '(uid=' . ldap_escape($username, '', LDAP_ESCAPE_FILTER) . ')', ['memberOf']);
$entries = $result === false ? ['count' => 0] : ldap_get_entries($ldap, $result);

session_start();
$_SESSION['groups'] = $entries['count'] > 0 ? ($entries[0]['memberof'] ?? []) : [];
session_write_close();
echo json_encode(['groups' => $_SESSION['groups']]);
