<?php
// The first place that reaches the wait: the grouped finding shows its explanation.
require_once 'lib.php';
wait_for_lock();
