<?php
// The first place that reaches the helper.
require_once 'lib.php';
get_rate();
