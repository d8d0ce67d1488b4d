<?php
if (!defined('CC_INI_SET')) {
    die('Access Denied');
}
session_start();
$_SESSION['seen'] = time();
session_write_close();
$page = file_get_contents('https://news.example.com/feed.xml');
