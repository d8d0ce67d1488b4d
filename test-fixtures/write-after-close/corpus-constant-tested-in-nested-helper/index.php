<?php
// Clean: getID() either returns with the session open or redirects and exits.
require_once __DIR__ . '/lib.php';
session_start();
$id = getID();
$_SESSION['crumbs'][] = $id;
