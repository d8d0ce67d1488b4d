<?php
// The same shape where only one candidate does slow work: which one runs is not known, so nothing is reported
// (only what every candidate does counts).
class Report_Sales {
    public function __construct() { $this->rows = file_get_contents('https://erp.example.com/sales'); }
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
