<?php
// After an unknown folder the include writes a file name alone: a name that common is no evidence
// of which file it is, even though one project file has it, so the include reaches nothing. Nor
// does one that climbs out of the unknown folder (`/../`), whose file is not where its text says.
$config = [];
$config['html_dir'] = getenv('PANEL_HTML_DIR');
include($config['html_dir'] . "/session.inc.php");
include($config['html_dir'] . "/../html/session.inc.php");
$news = file_get_contents('https://news.example.com/feed.xml');
echo htmlspecialchars($news);
