<?php
// Reduced from phpMyAdmin (Sql::executeTheQuery(), issue 9 cause 1): the session is closed and
// reopened under the same `!defined('TESTSUITE')`, around a call whose code only tests that
// constant (the database layer's constructor). A `defined()` test defines nothing, so the
// constant is still undefined after the call, the reopen pairs with the close, and the write
// after it is made with the session open.
declare(strict_types=1);

class QueryLog
{
    private bool $quiet = false;

    public function __construct()
    {
        if (defined('TESTSUITE')) {
            $this->quiet = true;
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
        $_SESSION['last_query'] = $result;
    }
}
