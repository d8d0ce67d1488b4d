<?php
namespace App\Util;

class Pinger
{
    public function ping()
    {
        return file_get_contents('https://ping.example.com/');
    }
}
