<?php
// osTicket 1.9 (include/class.ostsession.php): the session class has a PHP 4 constructor (a method
// named like the class) and is built with `new static` from a static factory; the constructor starts
// the session. `new static` builds the class it is written in, so its PHP 4 constructor runs.
class osTicketSession {
    function osTicketSession($ttl = 0) {
        session_name('OSTSESSID');
        session_start();
    }

    static function start($ttl = 0) {
        return new static($ttl);
    }
}

osTicketSession::start(86400);
$ch = curl_init('https://example.com/feed');
session_write_close();
curl_exec($ch); // expect: held-across-slow-call
session_start();
$_SESSION['feed'] = time();
session_write_close();
