<?php
// Reduced from ampache (`InitializationHandlerAuth` calls `$this->session->setup()` on a
// `SessionInterface` that a container binds to `Session`): the one implementation of the
// interface installs the project's database store, whose `read()` takes no lock, before the
// session starts; the remote call after it blocks no other request (no lock finding).
declare(strict_types=1);

final class DatabaseSessionHandler implements SessionHandlerInterface
{
    public function open($path, $name): bool { return true; }
    public function close(): bool { return true; }
    public function read($id): string|false { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $data): bool { return apcu_store("sess_$id", $data); }
    public function destroy($id): bool { return apcu_delete("sess_$id"); }
    public function gc($max): int|false { return 0; }
}

interface SessionInterface
{
    public function setup(): void;
}

final class Session implements SessionInterface
{
    public function setup(): void
    {
        session_set_save_handler(new DatabaseSessionHandler(), true);
    }
}

final class PlayPage
{
    public function __construct(private SessionInterface $session)
    {
    }

    public function run(): void
    {
        $this->session->setup();
        session_start();
        $ch = curl_init('https://radio.example.com/stream');
        curl_exec($ch);
        $_SESSION['played'] = time();
    }
}

(new PlayPage(new Session()))->run();
