<?php
// "The session stays open when …" names the condition that really keeps it open, the right way
// round: not a later, unrelated `if` (whose branches the open path also passes), not the last
// `elseif` of a chain or of an `if` nested in an `else`, not forgotten after a call on the way.
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
    sleep(1); // expect: held-across-slow-call "stays open when `\$closeEarly` is false \(line 16\), and"
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
    sleep(2); // expect: held-across-slow-call "stays open when `!\$readOnly` is false \(line 29\) and `\$debug` is (true|false) \(line 31\)"
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
    sleep(3); // expect: held-across-slow-call "stays open when `\$readOnly` is false \(line 41\) and `\$debug` is (true|false) \(line 43\)"
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
    sleep(4); // expect: held-across-slow-call "stays open when `!\$closeEarly` is true \(line 53\), and"
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
    sleep(5); // expect: held-across-slow-call "stays open when `start_for_web\(\)` opens it \(line 71\), and"
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
    sleep(6); // expect: held-across-slow-call "stays open when `\$embedded` is false \(line 82\), and"
}
