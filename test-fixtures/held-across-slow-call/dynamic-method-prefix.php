<?php
// A method named by a literal prefix and a setting (phpipam's Scan::ping_address():
// `$this->{"ping_address_method_" . $this->icmp_type}($address)`): the class's methods that
// fit are the candidates: at the call only the slow work they all do counts, and each candidate,
// which runs with the caller's session held, is reported at its own slow work (the call is one of
// the group's call sites).
class Scanner {
    public $icmp_type = 'ping';

    public function ping_address($address) {
        $method = 'ping_address_method_' . $this->icmp_type;
        return $this->{$method}($address);
    }

    protected function ping_address_method_ping($address) {
        exec('ping -c 1 ' . escapeshellarg($address), $output, $code); // expect: held-across-slow-call "Reached from 2 call sites"
        return $code;
    }

    protected function ping_address_method_fping($address) {
        exec('fping ' . escapeshellarg($address), $output, $code); // expect: held-across-slow-call
        return $code;
    }
}

session_start();
$scanner = new Scanner();
$_SESSION['last_ping'] = $scanner->ping_address($_GET['ip']);
