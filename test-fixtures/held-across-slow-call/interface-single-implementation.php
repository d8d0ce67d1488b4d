<?php
// A page gets its session store as an interface (a dependency-injection container built it):
// the project has one class implementing it, so `$this->sessions->start()` runs that class's
// `start()`, which opens the session; the remote call after it holds the lock. The same through
// an abstract class's abstract method with one subclass: the webhook it posts holds the lock
// (one finding at the cause, with its call sites).
declare(strict_types=1);

interface SessionStoreInterface
{
    public function start(): void;
}

final class PhpSessionStore implements SessionStoreInterface
{
    public function start(): void
    {
        session_start();
    }
}

abstract class Notifier
{
    abstract public function notify(string $text): void;
}

final class WebhookNotifier extends Notifier
{
    public function notify(string $text): void
    {
        $ch = curl_init('https://hooks.example.com/notify');
        curl_setopt($ch, CURLOPT_POSTFIELDS, $text);
        curl_exec($ch); // expect: held-across-slow-call
    }
}

final class FeedPage
{
    public function __construct(private SessionStoreInterface $sessions)
    {
    }

    public function show(): void
    {
        $this->sessions->start();
        $ch = curl_init('https://feeds.example.com/latest');
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        $items = curl_exec($ch); // expect: held-across-slow-call
        $_SESSION['seen'] = (string) $items;
    }
}

function alert(Notifier $notifier): void
{
    session_start();
    $notifier->notify((string) ($_SESSION['user'] ?? ''));
    $_SESSION['alerted'] = true;
}

(new FeedPage(new PhpSessionStore()))->show();
alert(new WebhookNotifier());
