<?php
// The public folder's bootstrap forwards to the application's.
require_once dirname(__FILE__) . '/../common.php';
