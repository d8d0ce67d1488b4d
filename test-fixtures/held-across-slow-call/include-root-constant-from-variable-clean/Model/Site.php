<?php
// Every page includes this: it starts the session and keeps it open.
session_name('app_session');
session_start();
$_SESSION['last_activity'] = time();
