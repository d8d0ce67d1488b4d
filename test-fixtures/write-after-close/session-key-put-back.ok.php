<?php
// Reduced from Serendipity's serendipity_smarty_init(): a session key set as a guard while the
// template engine loads, then put back to the value it had (`$previous`), in the same request.
// Its callers run it after they closed the session: the key ends as it was saved, so neither
// write is a change meant to be kept. The same at the top level, after the close.
declare(strict_types=1);

function load_templates(): string
{
    $previous = $_SESSION['no_templates'] ?? null;
    $_SESSION['no_templates'] = true;
    $engine = str_repeat('x', 3);
    $_SESSION['no_templates'] = $previous;
    return $engine;
}

session_start();
$user = $_SESSION['user'] ?? 'guest';
session_write_close();
echo load_templates();

$kept = $_SESSION['rendering'];
$_SESSION['rendering'] = 1;
echo $user;
$_SESSION['rendering'] = $kept;
