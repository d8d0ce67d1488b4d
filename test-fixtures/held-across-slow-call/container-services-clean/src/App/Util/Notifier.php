<?php
namespace App\Util;

class Notifier
{
    public function send($text)
    {
        return mail('ops@example.com', 'status', $text);
    }
}
