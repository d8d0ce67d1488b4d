<?php
// The twin of socket-this-machine.php whose connections may cross the network: a literal
// remote host, a configured host whose default is a remote one, and a host the request names
// (its loopback default is no configuration). Each is a warning.
function push_running(array $settings)
{
    session_start();
    $host = (string) ($settings['push_host'] ?? 'push.example.com');
    session_write_close();
    $socket = @fsockopen($host, 443, $errno, $errstr, 2); // expect: held-across-slow-call@warning
    session_start();
    $_SESSION['push'] = is_resource($socket);
    session_write_close();
}

function whois_lookup($domain)
{
    session_start();
    session_write_close();
    $whois = fsockopen('whois.example.net', 43); // expect: held-across-slow-call@warning
    fwrite($whois, "$domain\r\n");
    session_start();
    $_SESSION['whois'] = fgets($whois);
    session_write_close();
}

function probe_host()
{
    session_start();
    $host = $_GET['host'] ?? 'localhost';
    session_write_close();
    $socket = fsockopen($host, 80); // expect: held-across-slow-call@warning
    session_start();
    $_SESSION['probe'] = $socket !== false;
    session_write_close();
}
