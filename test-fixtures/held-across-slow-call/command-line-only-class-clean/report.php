<?php
// Another web page: its `$stmt->execute()` is on an object of unknown class, which could be a
// call of any public `execute()`; the command's is protected, so not this one.
session_start();
$stmt = $GLOBALS['statements']['count_installs'];
$stmt->execute();
$_SESSION['installs'] = $stmt->fetchColumn();
