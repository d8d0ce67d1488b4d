<?php
// The entry script defines the include root; the bootstrap it includes defines it again, as a
// fallback, from a call the analysis cannot know. The fallback never runs here (the constant
// is already defined), so the include is followed, whichever file is declared first.
if (!defined('APP_INC')) define('APP_INC', dirname(__FILE__) . '/');
require_once(APP_INC . 'inc/init.php');
file_get_contents('https://updates.example.com/check'); // expect: held-across-slow-call
