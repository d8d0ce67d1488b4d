<?php
// Sends anonymous users to the login page; the session is started by the page.
if (empty($_SESSION['uid'])) {
    header('Location: index.php');
    exit;
}
