<?php
// Laravel's own session does not lock, but a legacy bridge that still uses PHP's native session
// (here to share the login with an old admin area) does. The HTTP client facade and the mail
// facade are slow work under that lock.
declare(strict_types=1);

namespace App\Http\Controllers\Legacy;

use App\Mail\ExportReady;
use Illuminate\Http\JsonResponse;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Mail;

final class LegacyBridgeController
{
    public function syncProfile(Request $request): JsonResponse
    {
        session_name('LEGACYSESSID');
        session_start();
        $legacyUserId = (int) ($_SESSION['admin_user_id'] ?? 0);

        session_write_close();
        $profile = Http::get('https://crm.internal/api/users/' . $legacyUserId); // expect: held-across-slow-call "Http::get"

        session_start();
        $_SESSION['crm_synced_at'] = time();
        session_write_close();

        return new JsonResponse($profile->json());
    }

    public function notifyExport(Request $request): JsonResponse
    {
        session_name('LEGACYSESSID');
        session_start();
        $email = (string) ($_SESSION['admin_email'] ?? '');

        Mail::to($email)->queue(new ExportReady($request->user()));
        session_write_close();
        Mail::send('emails.export-started', ['user' => $email], function ($message) use ($email): void { // expect: held-across-slow-call "Mail::send"
            $message->to($email)->subject('Your export has started');
        });

        session_start();
        $_SESSION['export_notified'] = true;
        session_write_close();

        return new JsonResponse(['queued' => true]);
    }
}
