<?php
// osTicket before b076f5034 (scp/autocron.php → Cron::MailFetcher() → MailFetcher::open()):
// the IMAP connection is opened through call_user_func_array() with the builtin's name as a literal.
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
session_write_close();
$fetcher->open('{mail.example.com:993/imap/ssl}INBOX', 'user', 'secret'); // expect: held-across-slow-call
echo 'done';
