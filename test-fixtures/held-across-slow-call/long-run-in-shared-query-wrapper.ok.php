<?php
// A database wrapper that lifts the time limit before every query, used by every page: the
// sign is set on each call of a utility whose job is the query, so it says nothing about the
// request that runs it. None of these short handlers is reported for it.
declare(strict_types=1);

final class Database
{
    private mysqli $link;

    public function __construct(mysqli $link)
    {
        $this->link = $link;
    }

    public function query(string $sql): mysqli_result|bool
    {
        if (!$this->allowQuery($sql)) {
            return false;
        }
        // Don't limit the execution time of queries.
        set_time_limit(0);
        return mysqli_query($this->link, $sql);
    }

    private function allowQuery(string $sql): bool
    {
        return stripos($sql, 'DROP ') === false;
    }
}

function company_names(Database $db): void
{
    session_start();
    $_SESSION['seen'] = time();
    echo json_encode($db->query('SELECT name FROM company'));
}

function delete_activity(Database $db, int $id): void
{
    session_start();
    $_SESSION['seen'] = time();
    $db->query('DELETE FROM activity WHERE id = ' . $id);
}

function edit_activity(Database $db, int $id): void
{
    session_start();
    $_SESSION['seen'] = time();
    $db->query('UPDATE activity SET notes = "" WHERE id = ' . $id);
}

function contact_names(Database $db): void
{
    session_start();
    $_SESSION['seen'] = time();
    echo json_encode($db->query('SELECT name FROM contact'));
}

function pipeline_status(Database $db): void
{
    session_start();
    $_SESSION['seen'] = time();
    echo json_encode($db->query('SELECT status FROM pipeline'));
}
