<?php
// The same check where the caller only logs the flood and goes on: on that path the session the
// check opened is held across the remote fetch.
function handle_flood()
{
    if (mt_rand(0, 9) === 0) {
        session_start();
        $_SESSION['flood_until'] = time() + 60;
        return ['flood' => true, 'by' => 'ip'];
    }
    return false;
}

function fetch_source($url)
{
    if ($flood = handle_flood()) {
        error_log('flood by ' . $flood['by']);
    }
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return curl_exec($ch); // expect: held-across-slow-call
}

echo fetch_source($_POST['url']);
