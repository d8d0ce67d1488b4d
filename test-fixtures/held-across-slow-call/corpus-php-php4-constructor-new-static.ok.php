<?php
// Inside a namespace a method named like its class is no constructor (PHP 4 constructors
// exist only outside namespaces), so `new static` runs nothing and no session is opened.
namespace App;

class osTicketSession {
    function osTicketSession($ttl = 0) {
        session_start();
    }

    static function start($ttl = 0) {
        return new static($ttl);
    }
}

osTicketSession::start(86400);
$ch = curl_init('https://example.com/feed');
curl_exec($ch);
