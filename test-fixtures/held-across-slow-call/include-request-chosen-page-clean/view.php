<?php
// A page named in the query string, included after the session is closed: it holds nothing.
session_start();
$_SESSION['seen'] = true;
session_write_close();
include 'pages/' . basename($_GET['p'] ?? 'about') . '.php';
