<?php
declare(strict_types=1);

function stop_session(): void
{
    session_write_close();
    @ini_set('session.use_cookies', '0');
}

function restart_session(): void
{
    if (!ini_get('session.use_cookies')) {
        session_start();
    }
}
