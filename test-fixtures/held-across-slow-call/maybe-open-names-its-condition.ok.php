<?php
// The shapes of maybe-open-names-its-condition.php, each closing the session on every path
// before the slow call: clean.
declare(strict_types=1);

function log_line(string $line): void
{
    error_log($line);
}

function then_unrelated_if(bool $closeEarly, bool $verbose): void
{
    session_start();
    $_SESSION['seen'] = time();
    if ($closeEarly) {
        session_write_close();
    }
    if ($verbose) {
        echo 'working';
    }
    session_write_close();
    sleep(1);
}

function elseif_chain(bool $readOnly, bool $debug): void
{
    session_start();
    $_SESSION['seen'] = time();
    if (!$readOnly) {
        session_write_close();
    } elseif ($debug) {
        echo 'debug';
    }
    session_write_close();
    sleep(2);
}

function else_if_in_two_words(bool $readOnly, bool $debug): void
{
    session_start();
    $_SESSION['seen'] = time();
    if ($readOnly) {
        session_write_close();
    } else if ($debug) {
        echo 'debug';
    }
    session_write_close();
    sleep(3);
}

function call_on_the_way(bool $closeEarly): void
{
    session_start();
    $_SESSION['seen'] = time();
    if (!$closeEarly) {
        log_line('keeping the session');
    } else {
        session_write_close();
    }
    log_line('still here');
    session_write_close();
    sleep(4);
}

function start_for_web(): void
{
    if (isset($_SERVER['HTTPS'])) {
        session_start();
    }
}

function opened_twice_then_unrelated_if(bool $inline): void
{
    start_for_web();
    start_for_web();
    $_SESSION['seen'] = time();
    if ($inline) {
        log_line('inline');
    }
    session_write_close();
    sleep(5);
}

function embedded_or_page(bool $embedded, bool $fancy, bool $random): void
{
    if ($embedded) {
        echo 'embedded';
    } else {
        if ($fancy) {
            echo 'fancy';
        }
        session_start();
    }
    $_SESSION['seen'] = time();
    if ($random) {
        $_SESSION['token'] = random_int(1, 9);
    } else {
        $_SESSION['token'] = 4;
    }
    if (!$embedded) {
        session_write_close();
    }
    sleep(6);
}
