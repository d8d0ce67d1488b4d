<?php
require_once __DIR__ . '/boot.php';

function greeting(string $name): string
{
    return 'Hello, ' . htmlspecialchars($name);
}
