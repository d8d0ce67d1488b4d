<?php
// The session store is an interface with two implementations in the project: one opens PHP's
// session, the other keeps state in memory. Which one the page gets is not known, and they
// disagree, so the call is taken as leaving the session as it was (closed), as an unknown call
// would.
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

(new FeedPage(new MemorySessionStore()))->show();
