<?php
// Chevereto's upload check: the flood check opens the session only when it finds a flood, and
// then returns a non-empty array; the caller keeps the result in a local inside the condition
// and throws. The remote fetch runs only when no flood was found: the session is not open there.
function handle_flood()
{
    if (mt_rand(0, 9) === 0) {
        session_start();
        $_SESSION['flood_until'] = time() + 60;
        return ['flood' => true, 'by' => 'ip'];
    }
    return false;
}

function fetch_source($url, $detectFlood)
{
    if ($detectFlood && $flood = handle_flood()) {
        throw new RuntimeException('Flood detected: ' . $flood['by']);
    }
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    return curl_exec($ch);
}

echo fetch_source($_POST['url'], true);
