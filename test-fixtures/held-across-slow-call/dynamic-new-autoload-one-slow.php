<?php
// The same shape where only one candidate does slow work: which one runs is not known, so the call is not
// reported (only what every candidate does counts); the constructor that fetches runs with the caller's session
// held whenever it is the one chosen, and is reported there.
class Report_Sales {
    public function __construct() { $this->rows = file_get_contents('https://erp.example.com/sales'); } // expect: held-across-slow-call
    public $rows;
}
class Report_Empty {
    public function __construct() { $this->rows = ''; }
    public $rows;
}
session_start();
$kind = ucfirst($_GET['kind'] ?? 'sales');
$class = "Report_{$kind}";
$report = new $class();
$_SESSION['last_report'] = $kind;
