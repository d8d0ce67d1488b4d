<?php
namespace App\Services;

// A wrapper the configuration declares slow (it talks to an SMTP relay).
class Mailer
{
    public function deliver(string $to, string $body): void
    {
        // The transport is configured elsewhere; the analysis only knows what the config says.
    }
}
