<?php
// Every page's bootstrap: the session is open from here to the end of the request.
session_start();
define('ROOTPATH', dirname(__DIR__) . '/');
define('CONTROLLERS', ROOTPATH . 'controllers/');
