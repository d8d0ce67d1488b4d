<?php
// The page opens and writes the session, then prints fragments that re-obtain it.
session_start();
$_SESSION['last_page'] = 'home';
echo '<html><body>';
include __DIR__ . '/fragments/menu.php';
echo '</body></html>';
