<?php
namespace App\Util;

class Notifier
{
    public function send($text)
    {
        return mail('ops@example.com', 'status', $text); // expect: held-across-slow-call "Reached from 2 call sites"
    }
}
