<?php
// The legacy bridge, fixed: the native session is read and closed before the HTTP client runs,
// then reopened briefly to record the result.
declare(strict_types=1);

namespace App\Http\Controllers\Legacy;

use Illuminate\Http\JsonResponse;
use Illuminate\Support\Facades\Http;

final class LegacyBridgeController
{
    public function syncProfile(): JsonResponse
    {
        session_name('LEGACYSESSID');
        session_start(['read_and_close' => true]);
        $legacyUserId = (int) ($_SESSION['admin_user_id'] ?? 0);

        $profile = Http::acceptJson()->get('https://crm.internal/api/users/' . $legacyUserId);
        $status = Http::post('https://crm.internal/api/audit', ['user' => $legacyUserId]);

        session_start();
        $_SESSION['crm_synced_at'] = time();
        session_write_close();

        return new JsonResponse(['profile' => $profile->json(), 'audited' => $status->successful()]);
    }
}
