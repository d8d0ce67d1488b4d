<?php
// A branch on a method's result that no method that may run can take: every override of
// `Page::isSlow()` returns false as it does, and the private `Page::ready()` is what
// `$this->ready()` runs in Page's code whatever the object's class (a subclass's `ready()`
// does not override it). So the long run is never reached with the session open.
declare(strict_types=1);

abstract class Page
{
    public function isSlow(): bool
    {
        return false;
    }

    public function show(): void
    {
        if ($this->ready()) {
            set_time_limit(0);
        }
        echo 'page';
    }

    private function ready(): bool
    {
        return false;
    }
}

class WelcomePage extends Page
{
    public function isSlow(): bool
    {
        return false;
    }

    public function ready(): bool
    {
        return true;
    }
}

class Installer
{
    /** @return Page */
    public function pageNamed(string $name)
    {
        $class = $name . 'Page';
        return new $class();
    }

    public function run(string $name): void
    {
        $page = $this->pageNamed($name);
        if ($page->isSlow()) {
            set_time_limit(0);
        }
        $page->show();
    }
}

session_start();
(new Installer())->run((string) ($_GET['page'] ?? 'Welcome'));
$_SESSION['seen'] = true;
