<?php
// Observium's shape: the folder is a configuration value read at run time, written with a leading
// `/` before a folder and a file that one project file's path ends with.
$config = [];
$config['html_dir'] = getenv('PANEL_HTML_DIR');
include($config['html_dir'] . "/includes/authenticate.inc.php");
$news = file_get_contents('https://news.example.com/feed.xml'); // expect: held-across-slow-call
echo htmlspecialchars($news);
