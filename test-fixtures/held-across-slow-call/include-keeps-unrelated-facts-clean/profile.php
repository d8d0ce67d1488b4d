<?php
require_once __DIR__ . '/validator.php';
session_start();
if (is_email($_POST['email'])) {
    $_SESSION['email'] = $_POST['email'];
}
