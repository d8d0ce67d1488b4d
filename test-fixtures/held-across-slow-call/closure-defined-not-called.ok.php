<?php
// A closure that starts the session is only defined here (handed to the error handler for later);
// defining it opens nothing, so the retry back-off sleep in the script is not under the lock.
declare(strict_types=1);

$rememberError = static function (string $message): void {
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
    $_SESSION['last_error'] = $message;
};

set_exception_handler(static function (Throwable $e) use ($rememberError): void {
    $rememberError($e->getMessage());
    http_response_code(500);
});

$attempt = 0;
do {
    $ok = apcu_add('import-lock', getmypid(), 300);
    if (!$ok) {
        sleep(2);
    }
} while (!$ok && ++$attempt < 5);

echo $ok ? 'import started' : 'import already running';
