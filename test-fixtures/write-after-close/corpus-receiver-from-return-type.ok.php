<?php
// The receiver's class comes from the factory's declared return type: `$installer->startSession()` reopens the session before the write.
class WebInstaller {
    public function startSession(): bool { session_start(); return true; }
}
function getWebInstaller(): WebInstaller { return new WebInstaller(); }
session_start();
session_write_close();
$installer = getWebInstaller();
if (!$installer->startSession()) { exit; }
$_SESSION['installData'] = [];
