<?php
declare(strict_types=1);

namespace App\Service;

use Cake\Mailer\Mailer;

class TestMailService
{
    private ?Mailer $email = null;

    public function send(string $to): void
    {
        $this->email = new Mailer(['transport' => 'smtp']);
        $this->email
            ->setTo($to)
            ->setSubject('Test')
            ->deliver('It works.');
    }
}
