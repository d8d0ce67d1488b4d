<?php
// The close happens inside a helper (release_session()); the write after the call is lost, and
// the related location points at the call that closed the session.
declare(strict_types=1);

final class ReportController
{
    public function export(): void
    {
        session_start();
        $accountId = (int) ($_SESSION['account_id'] ?? 0);
        $this->releaseSession();

        $csv = shell_exec('php ' . escapeshellarg(__DIR__ . '/bin/export.php') . ' ' . $accountId);
        session_start();
        $_SESSION['last_export_at'] = time(); // expect: write-after-close "closed \(line 12\) is lost"
        session_write_close();

        header('Content-Type: text/csv');
        echo $csv;
    }

    private function releaseSession(): void
    {
        session_write_close();
    }
}
