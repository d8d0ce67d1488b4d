<?php
require_once __DIR__ . '/validator.php';
session_start();
if (is_email($_POST['email'])) { // expect: held-across-slow-call
    $_SESSION['email'] = $_POST['email'];
}
