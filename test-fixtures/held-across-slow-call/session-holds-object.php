<?php
// The page keeps its navigation stack as an object in the session and adds to it after the
// slow call. PHP serialises the session when it is closed, so a change made to the object
// after an early close is lost, and the analysis does not follow changes made through methods:
// the early close is offered as unsafe, its title saying what to check (here: move the close
// after `$nav->add()`). With only scalars stored, the same close is safe (the `*.fixed.php` cases).
declare(strict_types=1);

final class Navigation
{
    /** @var list<string> */
    private array $urls = [];

    public function add(string $url): void
    {
        $this->urls[] = $url;
    }
}

session_start();
$nav = $_SESSION['nav'] ?? null;
if (!$nav instanceof Navigation) {
    $nav = new Navigation();
    $_SESSION['nav'] = $nav;
}

$report = file_get_contents('https://reports.example/v1/summary'); // expect: held-across-slow-call
$nav->add('/reports');
echo $report;
