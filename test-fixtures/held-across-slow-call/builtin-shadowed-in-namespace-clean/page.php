<?php
// A namespaced function may carry a built-in's name: `App\session_start()` is legal and
// answers the calls made in `namespace App`. It starts no session, so nothing is held.
namespace App;

require __DIR__ . '/lib/session.php';

session_start();
$news = file_get_contents('https://news.example.com/feed');
echo $news;
