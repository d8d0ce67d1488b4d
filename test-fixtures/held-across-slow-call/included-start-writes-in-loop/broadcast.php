<?php
// A page whose session is opened by the included bootstrap (common.php) mails every recipient in
// a loop and writes a flash message per recipient: the fix closes the session before the loop
// and reopens it around each flash write. The open is found through the include, so the fix
// knows it is PHP's own session_start() and can reopen it.
declare(strict_types=1);

require_once __DIR__ . '/common.php';

$recipients = explode(',', (string) ($_POST['to'] ?? ''));
foreach ($recipients as $rcpt) { // expect: held-across-slow-call
    if (!mail($rcpt, 'Hello', 'Body')) {
        flash_info('failed: ' . $rcpt);
    } else {
        flash_info('sent: ' . $rcpt);
    }
}
echo 'done';
