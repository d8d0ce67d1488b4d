<?php
// A method named by a literal prefix and a setting (phpipam's Scan::ping_address():
// `$this->{"ping_address_method_" . $this->icmp_type}($address)`): the class's methods that
// fit are the candidates: at the call only the slow work they all do counts. Both spawn a process,
// so the call is slow work whichever runs: one finding at the caller, where the early close goes
// (not one more per candidate for the same hold).
class Scanner {
    public $icmp_type = 'ping';

    public function ping_address($address) {
        $method = 'ping_address_method_' . $this->icmp_type;
        return $this->{$method}($address);
    }

    protected function ping_address_method_ping($address) {
        exec('ping -c 1 ' . escapeshellarg($address), $output, $code);
        return $code;
    }

    protected function ping_address_method_fping($address) {
        exec('fping ' . escapeshellarg($address), $output, $code);
        return $code;
    }
}

session_start();
$scanner = new Scanner();
$_SESSION['last_ping'] = $scanner->ping_address($_GET['ip']); // expect: held-across-slow-call "which reaches `exec\(\)`"
