<?php
function start_app_session(): void
{
    if (session_status() === PHP_SESSION_NONE) {
        session_start();
    }
}

function finish_session(): void
{
    session_write_close();
}
