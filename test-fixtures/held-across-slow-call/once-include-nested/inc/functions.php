<?php
// Only the legacy entry points run the installer check from here.
if (isset($_GET['legacy'])) {
    require_once __DIR__ . '/boot.php';
}

function greeting(string $name): string
{
    return 'Hello, ' . htmlspecialchars($name);
}
