<?php
// The session opened through `require_api()` is still held when the file is streamed.
require_once __DIR__ . '/core.php';
readfile('http://files.example.com/' . basename($_GET['name'])); // expect: held-across-slow-call
