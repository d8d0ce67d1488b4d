<?php
// A function named by a literal in call_user_func_array() is the project's own when the
// project declares it (a stub that connects to nothing): project code beats the catalog.
function imap_open($mailbox, $user, $password) {
    return false;
}

class MailFetcher {
    private $mbox;
    public function open($host, $user, $pass) {
        $args = array($host, $user, $pass);
        $this->mbox = @call_user_func_array('imap_open', $args);
        return (bool) $this->mbox;
    }
}

session_start();
$_SESSION['lastcroncall'] = time();
$fetcher = new MailFetcher();
$fetcher->open('{mail.example.com:993/imap/ssl}INBOX', 'user', 'secret');
