<?php
// Twin of close-reopen-same-constant-callee-tests-it.ok.php: the call between the close and
// the reopen defines the constant, so the reopen under `!defined('TESTSUITE')` may not run and
// the write after it may follow the close.
declare(strict_types=1);

class QueryLog
{
    public function __construct()
    {
        if (isset($_GET['quiet'])) {
            define('TESTSUITE', true);
        }
    }
}

class Query
{
    private function execute(string $sql): string
    {
        if (!defined('TESTSUITE')) {
            session_write_close();
        }
        $log = new QueryLog();
        if (!defined('TESTSUITE')) {
            session_start();
        }
        return $sql;
    }

    public function run(string $sql): void
    {
        session_start();
        $result = $this->execute($sql);
        $_SESSION['last_query'] = $result; // expect: write-after-close@info
    }
}
