<?php
// A suppression at the end of a line that hides nothing: its removal takes the comment and the
// spaces before it, and leaves the code.

function avatar_of(string $name): string
{
    session_start();
    $size = (int) ($_SESSION['avatar_size'] ?? 64);
    session_write_close();
    return (string) file_get_contents("https://avatars.example.com/{$size}/" . rawurlencode($name));
}
