<?php
// The bootstrap every script includes: web pages get a session, the command-line tool (which defines APP_CLI before
// including it) does not (Postfix Admin's common.php and POSTFIXADMIN_CLI).
if (!defined('APP_CLI')) {
    session_start();
}
