<?php
// Signs the visitor in: the session stays open for the rest of the page.
session_start();
$authenticated = !empty($_SESSION['authenticated']);
$_SESSION['seen'] = time();
