<?php
// A branch on a method's result, called on an object: the object may be of a subclass whose
// override returns what the declaration the call resolves to never does. `Page::isSlow()`
// returns false, but the page built by name (`new $class()`, typed only by `@return Page`)
// may be an `InstallPage`, whose `isSlow()` returns true: the long run is reached with the
// session open (MediaWiki's web installer: WebInstallerPage, WebInstallerInstall).
declare(strict_types=1);

abstract class Page
{
    public function isSlow(): bool
    {
        return false;
    }
}

class WelcomePage extends Page
{
}

class InstallPage extends Page
{
    public function isSlow(): bool
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
            $this->noTimeLimit();
        }
        echo 'done';
    }

    protected function noTimeLimit(): void
    {
        set_time_limit(0);
    }
}

session_start();
(new Installer())->run((string) ($_GET['page'] ?? 'Welcome')); // expect: held-across-slow-call "reaches `set_time_limit\(0\)`"
$_SESSION['seen'] = true;
