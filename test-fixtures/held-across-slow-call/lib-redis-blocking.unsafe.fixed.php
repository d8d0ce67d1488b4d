<?php
// Blocking Redis commands under a native session lock: BLPOP/BRPOP wait up to their timeout for a
// job result (phpredis, Predis). Every other request of the user waits with them.
declare(strict_types=1);

namespace App\Jobs;

use Predis\Client;

final class ExportStatusController
{
    public function __construct(private \Redis $redis, private Client $predis)
    {
    }

    public function waitForExport(): array
    {
        session_start();
        $jobId = (string) ($_SESSION['export_job'] ?? '');

        session_write_close();
        $result = $this->redis->blPop(['export:done:' . $jobId], 25); // expect: held-across-slow-call "blPop"

        session_start();
        $_SESSION['export_checked'] = time();
        session_write_close();
        return $result ?: [];
    }

    public function nextNotification(): ?string
    {
        session_start();
        $userId = (int) ($_SESSION['user_id'] ?? 0);

        $item = $this->predis->brpop(['notifications:' . $userId], 20); // expect: held-across-slow-call "brpop"

        $_SESSION['notifications_polled'] = time();
        return $item[1] ?? null;
    }
}
