<?php
// Starts the session itself and sends anonymous users to the login page.
session_start();
if (empty($_SESSION['uid'])) {
    header('Location: index.php');
    exit;
}
