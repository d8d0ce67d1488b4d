<?php
// A preload file an administrator may copy into the configuration folder.
define('UNIT_TESTING', true);
