<?php
// The twin of include-root-constant-fallback-define: the bootstrap defines the root again
// unconditionally from a call the analysis cannot know, so which file the include reaches is
// not known, and nothing is reported through it.
if (!defined('APP_INC')) define('APP_INC', dirname(__FILE__) . '/');
require_once(APP_INC . 'inc/init.php');
file_get_contents('https://updates.example.com/check');
