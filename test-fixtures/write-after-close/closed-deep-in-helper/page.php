<?php
// The lost write is explained down to the close itself: `page_id()` is where the call leads,
// `redirect_to()` inside it, and its `session_write_close()` (related locations), never just
// the function that reads the request.
declare(strict_types=1);
require_once __DIR__ . '/request.php';

session_start();
$id = page_id();
$_SESSION['last_page'] = $id; // expect: write-after-close "closed inside `redirect_to\(\)`"
echo htmlspecialchars($id);
