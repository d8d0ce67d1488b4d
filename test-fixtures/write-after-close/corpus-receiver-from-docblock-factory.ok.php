<?php
// MediaWiki (mw-config/index.php): the factory builds `new $className` and says `@return WebInstaller`; startSession() reopens the session.
class WebInstaller {
    public function startSession(): bool { session_start(); return true; }
}
class InstallerOverrides {
    /** @return WebInstaller */
    public static function getWebInstaller() { $className = WebInstaller::class; return new $className(); }
}
session_start(); session_write_close();
$installer = InstallerOverrides::getWebInstaller();
if (!$installer->startSession()) { exit; }
$_SESSION['installData'] = [];
