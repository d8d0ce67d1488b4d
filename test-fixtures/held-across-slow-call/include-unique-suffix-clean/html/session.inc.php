<?php
// Starts the session; the only file of the project with this name.
session_start();
$_SESSION['seen'] = time();
