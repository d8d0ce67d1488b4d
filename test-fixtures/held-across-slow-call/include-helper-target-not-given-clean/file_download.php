<?php
// The twin of include-helper-target-not-given: the helper is called with a name not known
// here, so which file it loads (and that the session is open) is not known.
require_once('core.php');
$c = curl_init('http://example.com/');
curl_exec($c);
