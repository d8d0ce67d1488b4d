<?php
// A caller's literal flag reaches the callee's test through a local copy chosen by a
// condition (`$do_header = $header === null ? !$done : $header;`, SMF's `obExit(false)`):
// with `false`, the branch that writes the session does not run, so nothing is written after
// the close (twin: `flag-copied-to-local.php`, which passes `true`).
class Page
{
    public static function finish(?bool $header = null, ?bool $footer = null): void
    {
        static $done = false;
        $do_header = $header === null ? !$done : $header;
        if ($do_header) {
            $_SESSION['last_page'] = 'home';
            $done = true;
        }
        // A copy of the copy: the footer follows the header unless the caller says otherwise.
        if ($footer === null) {
            $footer = $do_header;
        }
        if ($footer) {
            $_SESSION['footer_shown'] = true;
        }
        echo 'bye';
        exit;
    }
}

session_start();
$_SESSION['user'] = null;
session_write_close();
Page::finish(false);
