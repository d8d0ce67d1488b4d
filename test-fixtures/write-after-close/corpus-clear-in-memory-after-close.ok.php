<?php
// MediaWiki (RequestContext::importScopedSession()): after saving and detaching, `$_SESSION = []` clears the in-memory copy on purpose.
session_start();
$_SESSION['n'] = ($_SESSION['n'] ?? 0) + 1;
session_write_close(); // persist
session_id(''); // detach
$_SESSION = []; // clear in-memory array
