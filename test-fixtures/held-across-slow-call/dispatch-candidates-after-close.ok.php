<?php
// A call that runs one of several methods named by a pattern, made after the session was
// closed: the candidates run without the lock, so their own slow work is not reported.
class Jobs {
    public function run($name) {
        $method = 'job_' . $name;
        return $this->{$method}();
    }

    protected function job_fetch() {
        return file_get_contents('https://api.example.com/feed');
    }

    protected function job_mail() {
        return mail('ops@example.com', 'report', 'done');
    }
}

session_start();
$user = $_SESSION['user'] ?? null;
session_write_close();
$jobs = new Jobs();
echo $jobs->run($_GET['job']);
