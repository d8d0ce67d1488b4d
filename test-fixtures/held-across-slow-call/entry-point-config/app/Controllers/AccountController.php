<?php
namespace App\Controllers;

use App\Services\Geo;
use App\Services\Mailer;

// Controllers run with the session already open (entry point in session-lint.json).
final class AccountController
{
    public function __construct(private Mailer $mailer, private Geo $geo)
    {
    }

    public function welcome(): void
    {
        $email = $_SESSION['email'] ?? '';
        $this->mailer->deliver($email, 'Welcome!'); // expect: held-across-slow-call "deliver\(\)"
    }

    public function where(): array
    {
        $user = $_SESSION['user_id'] ?? null;
        session_write_close();
        return $this->geo->lookup($_SERVER['REMOTE_ADDR'] ?? '') + ['user' => $user];
    }
}
