<?php
// CakePHP: `initialize()` runs before every action; here it builds a helper that reads the
// session, so every action starts with the session locked (the shape of an installer that
// keeps its answers in the session and then tests the SMTP server).
declare(strict_types=1);

namespace App\Controller;

use App\Utility\SetupWizard;
use Cake\Mailer\Mailer;

class SetupController extends AppController
{
    private SetupWizard $wizard;

    public function initialize(): void
    {
        parent::initialize();
        $this->wizard = new SetupWizard($this->request->getSession());
    }

    public function testEmail()
    {
        $mailer = new Mailer('default');
        $mailer->setTo((string)$this->wizard->get('admin_email'))->setSubject('Test email');
        $mailer->deliver('It works.'); // expect: held-across-slow-call "initialize\(\) runs before every action"
    }
}
