<?php
// Every page requires this file: it starts the session for the whole request.
define('APP_ROOT', dirname(__DIR__));
require_once APP_ROOT . '/lib/session.php';
start_app_session();
