<?php
declare(strict_types=1);

require_once __DIR__ . '/app.php';

echo '<footer>', htmlspecialchars((string) ($_SESSION['user'] ?? '')), '</footer>';
