<?php
// The fix keeps the options a start already passes: a literal array gets the key added, any
// other value is merged under it with `+`.

function show_name(): void
{
    session_start(['cookie_lifetime' => 0]); // expect: prefer-read-and-close
    echo htmlspecialchars((string) ($_SESSION['name'] ?? 'guest'));
    session_write_close();
}

function show_theme(array $options): void
{
    session_start($options); // expect: prefer-read-and-close
    echo htmlspecialchars((string) ($_SESSION['theme'] ?? 'light'));
    session_write_close();
}
