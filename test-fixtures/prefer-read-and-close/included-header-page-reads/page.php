<?php
// A page that only reads what the header's session gave it.
include __DIR__ . '/header.php';
echo '<main>' . htmlspecialchars($_SESSION['theme'] ?? 'light') . '</main>';
