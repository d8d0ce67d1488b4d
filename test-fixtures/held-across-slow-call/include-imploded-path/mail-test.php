<?php
// join() with a literal separator is implode().
require_once join('/', [ __DIR__, 'lib', 'checklogin.php' ]);
echo file_get_contents('https://mail.example.com/api/test'); // expect: held-across-slow-call
