<?php
// Mail libraries under a native session lock: PHPMailer (namespaced and the old global class),
// Symfony Mailer, SwiftMailer. Each `send()` talks to an SMTP server (seconds, or a timeout).
declare(strict_types=1);

namespace App\Notifications;

use PHPMailer\PHPMailer\PHPMailer;
use Symfony\Component\Mailer\MailerInterface;
use Symfony\Component\Mime\Email;

final class AccountMails
{
    /** @var \Swift_Mailer */
    private $legacyMailer;

    public function __construct(private MailerInterface $mailer, \Swift_Mailer $legacyMailer)
    {
        $this->legacyMailer = $legacyMailer;
    }

    public function confirmEmailChange(string $newAddress): void
    {
        session_start();
        $_SESSION['pending_email'] = $newAddress;

        $mail = new PHPMailer(true);
        $mail->isSMTP();
        $mail->Host = 'smtp.example.com';
        $mail->addAddress($newAddress);
        $mail->Subject = 'Confirm your new address';
        $mail->Body = 'Click the link to confirm.';
        session_write_close();
        $mail->send(); // expect: held-across-slow-call "mail->send"

        session_write_close();
    }

    public function welcome(): void
    {
        session_start();
        $address = (string) ($_SESSION['email'] ?? '');

        $this->mailer->send((new Email())->to($address)->subject('Welcome')->text('Welcome aboard.')); // expect: held-across-slow-call "mailer->send"

        $_SESSION['welcomed'] = true;
    }

    public function legacyReminder(): void
    {
        session_start();
        $address = (string) ($_SESSION['email'] ?? '');

        $message = (new \Swift_Message('Reminder'))->setTo($address)->setBody('You have unread messages.');
        $this->legacyMailer->send($message); // expect: held-across-slow-call "legacyMailer->send"

        $_SESSION['reminded_at'] = time();
    }

    public function oldStyle(string $to): void
    {
        session_start();
        $_SESSION['last_contact'] = $to;

        $mail = new \PHPMailer();
        $mail->addAddress($to);
        $mail->Body = 'Hello';
        $mail->send(); // expect: held-across-slow-call "mail->send"
    }
}
