<?php
// A call that runs one of several methods named by a pattern, made where the session is open
// on some paths only (a remembered login): whichever candidate runs, it may run with the lock held;
// the one finding, at the call, says when, and names the other candidate's slow work.
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

if (isset($_COOKIE['remember'])) {
    session_start();
}
$jobs = new Jobs();
$_SESSION['last_job'] = $jobs->run($_GET['job']); // expect: held-across-slow-call "may be held across .*stays open when `isset\(\$_COOKIE\['remember'\]\)` is true"
