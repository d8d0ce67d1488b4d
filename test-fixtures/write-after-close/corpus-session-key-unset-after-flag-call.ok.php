<?php
// Reduced from phpMyAdmin (Session::setUp()): `countErrors(false)` right after the start, then
// `countErrors()` before the close. The two calls test nothing themselves but hand getErrors()
// different literals for `$check`: they must not share a summary, or the second one (which
// unsets the saved errors on every path) would be taken to leave the key unknown, and the same
// call after the close would look like a lost write.
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
        $n = $errorHandler->countErrors(false);
        $orig_error_count = $errorHandler->countErrors();
        session_write_close();
        if ($errorHandler->countErrors() > $orig_error_count) {
            echo 'x';
        }
    }
}
