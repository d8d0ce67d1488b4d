<?php
// A call that runs one of several methods named by a pattern, made where the session is open
// on some paths only (a remembered login): each candidate may run with it held, and its
// finding says when.
class Jobs {
    public function run($name) {
        $method = 'job_' . $name;
        return $this->{$method}();
    }

    protected function job_fetch() {
        return file_get_contents('https://api.example.com/feed'); // expect: held-across-slow-call "may be held"
    }

    protected function job_mail() {
        return mail('ops@example.com', 'report', 'done'); // expect: held-across-slow-call "stays open when `isset\(\$_COOKIE\['remember'\]\)` is true"
    }
}

if (isset($_COOKIE['remember'])) {
    session_start();
}
$jobs = new Jobs();
$_SESSION['last_job'] = $jobs->run($_GET['job']);
