<?php
// Closures, arrow functions and nested function declarations are units of their own: they start
// with the session closed, and defining them changes nothing in the enclosing unit; calling one
// (through the variable it was assigned to, or as array_map's callback) runs its body there.
declare(strict_types=1);

function defines_opening_closure(): void
{
    $start = function (): void {
        probe(); // @state: closed
        session_start();
        probe(); // @state: open
    };
    probe(); // @state: closed
    $start();
    probe(); // @state: open
}

function defines_arrow_function(): void
{
    $start = fn (): bool => session_start();
    probe(); // @state: closed
    array_map(static fn (int $id): bool => session_start(), [1, 2]);
    probe(); // @state: open
}

function closure_inside_open_region(): void
{
    session_start();
    $release = static function (): void {
        probe(); // @state: closed
        session_write_close();
    };
    probe(); // @state: open
    register_shutdown_function($release);
    probe(); // @state: open
}

function closure_with_use(): void
{
    $lifetime = 3600;
    $remember = function () use ($lifetime): void {
        session_start(['cookie_lifetime' => $lifetime]);
        probe(); // @state: open
    };
    probe(); // @state: closed
}

function declares_nested_function(): void
{
    function nested_open_session(): void
    {
        probe(); // @state: closed
        session_start();
    }
    probe(); // @state: closed
}

final class Router
{
    /** @var array<string, callable> */
    private array $routes = [];

    public function register(): void
    {
        $this->routes['/poll'] = function (): void {
            session_start();
            probe(); // @state: open
        };
        probe(); // @state: closed
    }
}
