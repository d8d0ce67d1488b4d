<?php
// One of the methods that fit the name does no slow work (scanning turned off): which one
// runs is not known, so nothing they all do is slow and the call is not reported; the candidate
// that pings, though, runs with the caller's session held whenever it is the one chosen.
class Scanner {
    public $icmp_type = 'none';

    public function ping_address($address) {
        $method = 'ping_address_method_' . $this->icmp_type;
        return $this->{$method}($address);
    }

    protected function ping_address_method_none($address) {
        return 1001;
    }

    protected function ping_address_method_ping($address) {
        exec('ping -c 1 ' . escapeshellarg($address), $output, $code); // expect: held-across-slow-call
        return $code;
    }
}

session_start();
$scanner = new Scanner();
$_SESSION['last_ping'] = $scanner->ping_address($_GET['ip']);
