<?php
// Mail libraries, fixed: the session is written and closed before the mail is sent. Near miss:
// `send()` on an unrelated object (a queue, a message bus) is not slow work.
declare(strict_types=1);

namespace App\Notifications;

use App\Queue\JobQueue;
use PHPMailer\PHPMailer\PHPMailer;
use Symfony\Component\Mailer\MailerInterface;
use Symfony\Component\Mime\Email;

final class AccountMails
{
    public function __construct(private MailerInterface $mailer, private JobQueue $queue)
    {
    }

    public function confirmEmailChange(string $newAddress): void
    {
        session_start();
        $_SESSION['pending_email'] = $newAddress;
        $this->queue->send('audit', ['event' => 'email_change_requested']);
        session_write_close();

        $mail = new PHPMailer(true);
        $mail->addAddress($newAddress);
        $mail->Subject = 'Confirm your new address';
        $mail->send();
        $this->mailer->send((new Email())->to('security@example.com')->subject('Email change')->text($newAddress));
    }
}
