<?php
// The download counter is updated in a finally block, so that it runs even when the stream
// fails. But the finally block runs after fpassthru() has sent the file: the reopen fails.
declare(strict_types=1);

final class MediaController
{
    public function stream(string $mediaId): void
    {
        session_start(['read_and_close' => true]);
        ini_set('session.use_cookies', '0');
        ini_set('session.cache_limiter', '');
        $quota = (int) ($_SESSION['stream_quota'] ?? 0);
        if ($quota <= 0) {
            http_response_code(429);
            return;
        }

        $fp = fopen('/srv/media/' . basename($mediaId) . '.mp4', 'rb');
        try {
            header('Content-Type: video/mp4');
            fpassthru($fp);
        } finally {
            fclose($fp);
            session_start(); // expect: reopen-after-output "\(line 20\)"
            $_SESSION['stream_quota'] = $quota - 1;
            session_write_close();
        }
    }
}
