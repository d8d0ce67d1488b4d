<?php
declare(strict_types=1);

namespace App\Utility;

use Cake\Http\Session;

/** Keeps the setup wizard's answers in the session. */
class SetupWizard
{
    private array $settings;

    public function __construct(private Session $session)
    {
        $this->settings = (array)$session->read('wizard');
    }

    public function get(string $key): mixed
    {
        return $this->settings[$key] ?? null;
    }
}
