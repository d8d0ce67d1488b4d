<?php
// ampache's shape: the project's session store is installed by an instance method of a class
// built at a namespaced top level. `new Session()` is `App\Session`, so the store is seen on the
// path of every script that includes this file, and it takes no lock: nothing is reported.
namespace App;

final class DatabaseStore implements \SessionHandlerInterface
{
    public function open(string $path, string $name): bool { return true; }
    public function close(): bool { return true; }
    public function read(string $id): string|false { return (string) Database::value('SELECT value FROM session WHERE id = ?', [$id]); }
    public function write(string $id, string $data): bool { Database::run('REPLACE INTO session VALUES (?, ?)', [$id, $data]); return true; }
    public function destroy(string $id): bool { return true; }
    public function gc(int $max): int|false { return 0; }
}

class Session
{
    public function setup(): void
    {
        session_set_save_handler(new DatabaseStore(), true);
    }
}

$session = new Session();
$session->setup();
