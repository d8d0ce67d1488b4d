<?php
// The session store is an interface with two implementations in the project: one opens PHP's
// session, the other keeps state in memory. Which one the page gets is not known, and they
// disagree, so the call is taken as leaving the session as it was (closed), as an unknown call
// would. A notifier typed with an abstract class, called with the session held, runs one of two
// subclasses: one posts a webhook, the other logs a line. Only what both do counts at the call,
// and neither is entered on its own with the caller's lock (the object may well be the local
// one: its type is all the code says).
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

final class MemorySessionStore implements SessionStoreInterface
{
    /** @var array<string, mixed> */
    public array $data = [];

    public function start(): void
    {
        $this->data = [];
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
        echo (string) curl_exec($ch);
    }
}

abstract class Notifier
{
    abstract public function notify(string $text): void;
}

final class LogNotifier extends Notifier
{
    public function notify(string $text): void
    {
        error_log($text);
    }
}

final class WebhookNotifier extends Notifier
{
    public function notify(string $text): void
    {
        $ch = curl_init('https://hooks.example.com/notify');
        curl_setopt($ch, CURLOPT_POSTFIELDS, $text);
        curl_exec($ch);
    }
}

function alert(Notifier $notifier): void
{
    session_start();
    $notifier->notify((string) ($_SESSION['user'] ?? ''));
    $_SESSION['alerted'] = true;
}

(new FeedPage(new MemorySessionStore()))->show();
alert(new LogNotifier());
