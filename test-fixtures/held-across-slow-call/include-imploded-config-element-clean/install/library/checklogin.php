<?php
// The installer's own check: no session.
function installer_ready() { return is_file(__DIR__ . '/../../common/config_read.php'); }
