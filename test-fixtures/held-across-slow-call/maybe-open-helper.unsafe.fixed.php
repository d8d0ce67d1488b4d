<?php
// A helper resumes the session only when the browser sent a session cookie; after the call the
// session is maybe-open, and the slow call that follows is reported for that path.
declare(strict_types=1);

function resume_session(): void
{
    if (isset($_COOKIE[session_name()])) {
        session_start(['read_and_close' => true]); // expect: prefer-read-and-close
    }
}

resume_session();
$visitorId = (string) ($_SESSION['visitor_id'] ?? bin2hex(random_bytes(8)));

session_write_close();
$fp = fsockopen('tcp://metrics.internal.example', 8125, $errno, $errstr, 1.0); // expect: held-across-slow-call
if ($fp !== false) {
    fwrite($fp, "page.view:1|c|#visitor:{$visitorId}\n");
    fclose($fp);
}

echo '<!doctype html><title>Welcome</title><p>Hello!</p>';
