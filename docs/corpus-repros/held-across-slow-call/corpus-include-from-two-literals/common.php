<?php
session_start();
$_SESSION['seen'] = time();
