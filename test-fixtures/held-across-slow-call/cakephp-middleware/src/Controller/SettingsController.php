<?php
// Sends a test mail from an action: the session the middleware opened is still locked.
declare(strict_types=1);

namespace App\Controller;

use App\Service\TestMailService;

class SettingsController extends AppController
{
    public function testMail()
    {
        (new TestMailService())->send((string) $this->request->getData('to')); // expect: held-across-slow-call "deliver"
        $this->set('sent', true);
    }
}
