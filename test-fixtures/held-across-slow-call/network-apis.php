<?php
// Catalog coverage for network APIs: each handler holds the session across a different blocking
// network call (SOAP, LDAP bind, IMAP, raw sockets, URL streams, curl_multi). One finding each.
declare(strict_types=1);

function soap_invoice_status(): void
{
    $client = new SoapClient('https://erp.example.com/services/invoices?wsdl', ['connection_timeout' => 5]);
    session_start();
    $customerNo = (string) ($_SESSION['erp_customer_no'] ?? '');
    $status = $client->GetOpenInvoices(['customerNo' => $customerNo]); // expect: held-across-slow-call
    $_SESSION['open_invoices'] = $status->count ?? 0;
}

function ldap_login(string $username, string $password): bool
{
    $ldap = ldap_connect('ldaps://directory.corp.example');
    ldap_set_option($ldap, LDAP_OPT_PROTOCOL_VERSION, 3);
    session_start();
    $dn = 'uid=' . ldap_escape($username, '', LDAP_ESCAPE_DN) . ',ou=people,dc=corp,dc=example';
    if (!@ldap_bind($ldap, $dn, $password)) { // expect: held-across-slow-call
        $_SESSION['login_failures'] = (int) ($_SESSION['login_failures'] ?? 0) + 1;
        return false;
    }
    $_SESSION['user_dn'] = $dn;
    return true;
}

function unread_mail_count(): int
{
    session_start();
    $mailbox = sprintf('{%s:993/imap/ssl}INBOX', (string) ($_SESSION['imap_host'] ?? 'mail.example.com'));
    $imap = imap_open($mailbox, (string) $_SESSION['imap_user'], (string) $_SESSION['imap_password']); // expect: held-across-slow-call
    if ($imap === false) {
        return 0;
    }
    $status = imap_status($imap, $mailbox, SA_UNSEEN);
    imap_close($imap);
    $_SESSION['unread'] = $status->unseen ?? 0;
    return (int) $_SESSION['unread'];
}

function redis_presence(): void
{
    session_start();
    $userId = (int) ($_SESSION['user_id'] ?? 0);
    $socket = stream_socket_client('tcp://presence.internal:6379', $errno, $errstr, 2.0); // expect: held-across-slow-call
    if ($socket !== false) {
        fwrite($socket, "SET presence:{$userId} 1 EX 60\r\n");
        fclose($socket);
    }
}

function partner_catalog(): array
{
    session_start();
    $partner = (string) ($_SESSION['partner_id'] ?? '');
    $lines = file('https://partners.example.com/catalog.csv', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES); // expect: held-across-slow-call
    $_SESSION['catalog_size'] = is_array($lines) ? count($lines) : 0;
    return $lines === false ? [] : array_filter($lines, static fn (string $l): bool => str_starts_with($l, $partner . ','));
}

function mirror_changelog(): void
{
    session_start();
    $_SESSION['changelog_seen'] = true;
    $remote = fopen('https://downloads.example.com/CHANGELOG.md', 'rb'); // expect: held-across-slow-call
    if ($remote !== false) {
        echo stream_get_contents($remote);
        fclose($remote);
    }
}

function parallel_health_checks(): void
{
    session_start();
    $services = $_SESSION['watched_services'] ?? [];
    $mh = curl_multi_init();
    $handles = [];
    foreach ($services as $name => $url) {
        $handles[$name] = curl_init($url);
        curl_setopt($handles[$name], CURLOPT_RETURNTRANSFER, true);
        curl_multi_add_handle($mh, $handles[$name]);
    }
    do {
        $status = curl_multi_exec($mh, $running);
        if ($running) {
            curl_multi_select($mh, 1.0);
        }
    } while ($running && $status === CURLM_OK); // expect: held-across-slow-call
    foreach ($handles as $name => $ch) {
        $_SESSION['health'][$name] = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        curl_multi_remove_handle($mh, $ch);
    }
    curl_multi_close($mh);
}
