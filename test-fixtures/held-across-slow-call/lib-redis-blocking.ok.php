<?php
// Redis, fixed, and near misses: GET/SET/INCR are quick and fine with the session open; the
// blocking pop runs after the session is closed.
declare(strict_types=1);

namespace App\Jobs;

final class ExportStatusController
{
    public function __construct(private \Redis $redis)
    {
    }

    public function waitForExport(): array
    {
        session_start();
        $jobId = (string) ($_SESSION['export_job'] ?? '');
        $status = $this->redis->get('export:status:' . $jobId);
        $this->redis->incr('export:polls');
        $_SESSION['export_status'] = $status;
        session_write_close();

        return $this->redis->blPop(['export:done:' . $jobId], 25) ?: [];
    }
}
