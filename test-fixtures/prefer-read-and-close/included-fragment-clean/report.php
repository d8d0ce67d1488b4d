<?php
// Writes the session that the included footer opened.
include __DIR__ . '/fragments/footer.php';
$_SESSION['report_seen'] = time();
