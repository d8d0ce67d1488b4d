<?php
// Connections to a service on this machine (a loopback host, a local socket, or a configured
// host whose default the code writes as the loopback): no remote server answers there, so
// each is `info`, not a warning.
function websocket_running(array $settings)
{
    session_start();
    $host = (string) ($settings['websocket_host'] ?? '127.0.0.1');
    $socket = @fsockopen($host, 8080, $errno, $errstr, 2); // expect: held-across-slow-call@info "service on this machine answers \(`127.0.0.1` unless the installation configures another host"
    $_SESSION['websocket'] = is_resource($socket);
    session_write_close();
}

function scan_upload($file)
{
    session_start();
    $clamd = stream_socket_client('unix:///run/clamav/clamd.ctl', $errno, $errstr); // expect: held-across-slow-call@info "service on this machine answers \(`unix:///run/clamav/clamd.ctl`"
    fwrite($clamd, "SCAN $file\n");
    $_SESSION['scanned'] = fgets($clamd);
    session_write_close();
}

function cache_ping()
{
    session_start();
    $redis = fsockopen('tcp://localhost:6379'); // expect: held-across-slow-call@info "service on this machine"
    $_SESSION['cache'] = $redis !== false;
    session_write_close();
}
