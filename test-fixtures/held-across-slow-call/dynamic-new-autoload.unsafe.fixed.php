<?php
// `new $class()` with a class name built from a literal start (`"Report_{$kind}"`, autoloaded): the candidates are
// the project's classes with that start. Each one's constructor calls a remote API, so whichever runs, the lock is
// held across it: one finding, at the `new $class()` where the early close goes (each candidate is not entered
// again to report the same hold once per constructor).
class Report_Sales {
    public function __construct() { $this->rows = file_get_contents('https://erp.example.com/sales'); }
    public $rows;
}
class Report_Stock {
    public function __construct() { $this->rows = file_get_contents('https://erp.example.com/stock'); }
    public $rows;
}
session_start();
$kind = ucfirst($_GET['kind'] ?? 'sales');
$class = "Report_{$kind}";
session_write_close();
$report = new $class(); // expect: held-across-slow-call "which reaches `file_get_contents\(\)`"
session_start();
$_SESSION['last_report'] = $kind;
session_write_close();
