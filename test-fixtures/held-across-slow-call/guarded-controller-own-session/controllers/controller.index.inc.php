<?php
if (!defined('CC_INI_SET')) {
    die('Access Denied');
}
session_start();
$page = file_get_contents('https://news.example.com/feed.xml');
$_SESSION['seen'] = time();
