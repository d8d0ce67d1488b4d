<?php
// An application whose data store is the directory (an LDAP admin panel): the page binds as
// its service account before the session opens, then reads and writes entries with the
// session held. Those are the directory's queries, as SQL queries are elsewhere: not slow work.
declare(strict_types=1);

$ds = ldap_connect('ldap://directory.corp.example');
ldap_set_option($ds, LDAP_OPT_PROTOCOL_VERSION, 3);
ldap_bind($ds, 'cn=admin,dc=corp,dc=example', (string) getenv('LDAP_PASSWORD'));

session_start();
$dn = (string) ($_SESSION['dn'] ?? '');

$own = ldap_get_entries($ds, ldap_read($ds, $dn, '(objectClass=*)', ['cn', 'shadowExpire']));
$children = ldap_list($ds, 'ou=people,dc=corp,dc=example', '(objectClass=inetOrgPerson)', ['uid']);
foreach (['ou=people', 'ou=groups', 'ou=hosts'] as $suffix) {
    $exists = @ldap_read($ds, $suffix . ',dc=corp,dc=example', '(objectClass=*)', ['dn']);
    if ($exists === false) {
        ldap_add($ds, $suffix . ',dc=corp,dc=example', ['objectClass' => ['organizationalUnit']]);
    }
}
$found = ldap_search($ds, 'dc=corp,dc=example', '(memberUid=' . ldap_escape($own[0]['cn'][0], '', LDAP_ESCAPE_FILTER) . ')', ['cn']);
ldap_modify($ds, $dn, ['description' => 'seen']);
$_SESSION['groups'] = ldap_count_entries($ds, $found) + ldap_count_entries($ds, $children);
