<?php
require_once dirname(__FILE__) . '/header.php';

readfile('/var/files/' . basename((string) $_GET['file'])); // expect: held-across-slow-call
