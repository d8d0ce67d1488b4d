<?php
// An ownCloud-style app script that releases the session through the server's session service
// (`\OC::$server->getSession()->close()`) before its remote download.

require_once __DIR__ . '/../../../lib/base.php';

$session = \OC::$server->getSession();
$user = $session->get('user_id');
$session->close();

echo file_get_contents('https://feeds.example.org/preview?u=' . urlencode((string) $user));
