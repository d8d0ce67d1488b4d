<?php
// `str_pad()` is PHP's: the project's global `str_pad()` (a compatibility copy that waits for a
// remote service) can never be declared, so the call does no slow work with the session open.
session_start();
$_SESSION['code'] = str_pad((string) rand(0, 9999), 4, '0', STR_PAD_LEFT);
echo $_SESSION['code'];
