<?php
// Sends a test mail from an action: the middleware closed the session before it.
declare(strict_types=1);

namespace App\Controller;

use App\Service\TestMailService;

class SettingsController extends AppController
{
    public function testMail()
    {
        (new TestMailService())->send((string) $this->request->getData('to'));
        $this->set('sent', true);
    }
}
