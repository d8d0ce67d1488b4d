<?php
// Calls to functions and methods of the same file apply the callee's summary (opens, closes,
// may open, no effect); calls to unknown code do nothing.
declare(strict_types=1);

function open_session(): void
{
    session_start();
}

function close_session(): void
{
    $_SESSION['closed_at'] = time();
    session_write_close();
}

function maybe_open_session(bool $remember): void
{
    if ($remember) {
        session_start();
    }
}

function ensure_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

function format_money(int $cents): string
{
    return number_format($cents / 100, 2);
}

function open_via_other_helper(): void
{
    open_session();
}

function uses_function_helpers(bool $remember): void
{
    open_session();
    probe(); // @state: open
    format_money(1999);
    probe(); // @state: open
    close_session();
    probe(); // @state: closed
    maybe_open_session($remember);
    probe(); // @state: maybe-open
    ensure_session();
    probe(); // @state: open
    close_session();
    open_via_other_helper();
    probe(); // @state: open
    close_session();
    vendor_session_start();
    probe(); // @state: closed
}

final class SessionBag
{
    public function __construct()
    {
        session_start();
    }

    public static function resume(): void
    {
        session_start();
    }

    public static function release(): void
    {
        session_write_close();
    }
}

class CheckoutController
{
    public function handle(): void
    {
        $this->openSession();
        probe(); // @state: open
        self::closeSession();
        probe(); // @state: closed
        static::reopen();
        probe(); // @state: open
        $this->closeIfOpen();
        probe(); // @state: closed
        SessionBag::resume();
        probe(); // @state: open
        SessionBag::release();
        probe(); // @state: closed
        $bag = new SessionBag();
        probe(); // @state: open
        $this->total();
        probe(); // @state: open
    }

    private function openSession(): void
    {
        session_start();
    }

    private static function closeSession(): void
    {
        session_commit();
    }

    protected static function reopen(): void
    {
        session_start();
    }

    private function closeIfOpen(): void
    {
        session_abort();
    }

    private function total(): int
    {
        return array_sum(array_column($_SESSION['cart'] ?? [], 'price_cents'));
    }
}
