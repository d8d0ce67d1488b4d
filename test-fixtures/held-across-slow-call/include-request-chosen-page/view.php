<?php
// A page named in the query string, written in the include itself.
session_start();
include 'pages/' . basename($_GET['p'] ?? 'about') . '.php';
