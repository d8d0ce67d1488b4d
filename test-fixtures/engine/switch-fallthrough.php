<?php
// switch: each case is entered from the switch head and, without break, falls through into the
// next case, which then sees the states of both ways in.
declare(strict_types=1);

function switch_with_fallthrough(string $action): void
{
    switch ($action) {
        case 'save':
            session_start();
            // no break: saving also touches the session
        case 'touch':
            probe(); // @state: maybe-open
            break;
        case 'logout':
            session_start();
            session_destroy();
            probe(); // @state: closed
            break;
        default:
            probe(); // @state: closed
    }
    probe(); // @state: maybe-open
}

function switch_every_case_opens(string $action): void
{
    switch ($action) {
        case 'a':
        case 'b':
            session_start();
            break;
        default:
            session_start(['cookie_lifetime' => 86400]);
    }
    probe(); // @state: open
}

function switch_without_default(string $action): void
{
    switch ($action) {
        case 'cart':
            session_start();
            break;
        case 'wishlist':
            session_start();
            break;
    }
    probe(); // @state: maybe-open
}

function switch_return_in_case(string $action): void
{
    switch ($action) {
        case 'cached':
            session_start();
            return;
        case 'fresh':
            probe(); // @state: closed
            break;
    }
    probe(); // @state: closed
}
