<?php
// Positive: countErrors() passes its `$check` on to getErrors(). After the close,
// countErrors(false) leaves the session alone (the literal reaches getErrors() as if written
// there), while countErrors() moves the saved errors out of it: that write is lost. The two
// calls test nothing themselves, yet must not share what they do.
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
        $this->errors = $_SESSION['errors'];
        unset($_SESSION['errors']);
    }

    public function countErrors(bool $check = true): int
    {
        return count($this->getErrors($check));
    }
}

session_start();
$handler = new ErrorHandler();
session_write_close();
$current = $handler->countErrors(false);
session_start();
$all = $handler->countErrors(); // expect: write-after-close
session_write_close();
