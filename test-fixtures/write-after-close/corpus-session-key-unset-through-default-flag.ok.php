<?php
// Reduced from phpMyAdmin (Session::setUp() and ErrorHandler): `countErrors()` keeps its
// `$check = true` default and passes it on to `getErrors($check)`, which then always moves the
// saved errors out of the session (returning when the key is not set, unsetting it otherwise).
// The default reaches `getErrors()` as if written at the call, so the call before the close
// leaves the key unset on every path, and the same call after the close writes nothing.
declare(strict_types=1);
final class ErrorHandler
{
    protected array $errors = [];

    public function getErrors(bool $check = true): array
    {
        if ($check) {
            $this->checkSavedErrors();
        }
        return $this->errors;
    }

    protected function checkSavedErrors(): void
    {
        if (! isset($_SESSION['errors'])) {
            return;
        }
        foreach ($_SESSION['errors'] as $hash => $error) {
            $this->errors[$hash] = $error;
        }
        $_SESSION['errors'] = [];
        unset($_SESSION['errors']);
    }

    public function countErrors(bool $check = true): int
    {
        return count($this->getErrors($check));
    }
}

final class Session
{
    public static function setUp(ErrorHandler $errorHandler): void
    {
        session_start();
        $orig_error_count = $errorHandler->countErrors();
        session_write_close();
        if ($errorHandler->countErrors() > $orig_error_count) {
            echo 'x';
        }
    }
}
