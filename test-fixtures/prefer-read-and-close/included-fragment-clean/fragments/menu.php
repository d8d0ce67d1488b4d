<?php
// Printed inside index.php, whose session is already open here: this start takes no lock in
// any request the project shows, so read_and_close would change nothing.
if (session_status() === PHP_SESSION_NONE) {
    session_start();
}
echo '<nav>' . htmlspecialchars($_SESSION['name'] ?? '') . '</nav>';
