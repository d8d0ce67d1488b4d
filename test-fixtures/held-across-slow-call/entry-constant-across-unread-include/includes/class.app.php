<?php
class App
{
    public function __construct()
    {
        $this->startSession();
    }

    public static function startSession()
    {
        if (defined('IN_FEED') || php_sapi_name() === 'cli') {
            return;
        }
        session_start();
    }
}
