<?php
// The same kind of script, releasing the session right after the bootstrap.

require_once __DIR__ . '/../../../lib/base.php';

session_write_close();

echo file_get_contents('https://feeds.example.org/status');
