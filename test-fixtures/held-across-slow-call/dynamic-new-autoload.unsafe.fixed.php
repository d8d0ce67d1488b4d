<?php
// `new $class()` with a class name built from a literal start (`"Report_{$kind}"`, autoloaded): the candidates are
// the project's classes with that start. Each one's constructor calls a remote API, so whichever runs, the lock is
// held across it: each constructor runs with the caller's session held and is reported at its own call (the
// `new $class()` is one of the first group's call sites).
class Report_Sales {
    public function __construct() { $this->rows = file_get_contents('https://erp.example.com/sales'); } // expect: held-across-slow-call "Reached from 2 call sites"
    public $rows;
}
class Report_Stock {
    public function __construct() { $this->rows = file_get_contents('https://erp.example.com/stock'); } // expect: held-across-slow-call
    public $rows;
}
session_start();
$kind = ucfirst($_GET['kind'] ?? 'sales');
$class = "Report_{$kind}";
session_write_close();
$report = new $class();
session_start();
$_SESSION['last_report'] = $kind;
session_write_close();
