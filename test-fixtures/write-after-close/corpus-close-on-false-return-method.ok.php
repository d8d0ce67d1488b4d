<?php
// phpMyAdmin (AbstractController::hasDatabase(), 19 controllers): the redirect that closes the session happens only when it returns false.
class Controller {
    protected function redirect(string $to): void { session_write_close(); header("Location: $to"); }
    protected function hasDatabase(): bool { if (($_GET['db'] ?? '') === '') { $this->redirect('/'); return false; } return true; }
    public function __invoke(): void {
        if (! $this->hasDatabase()) { return; }
        $_SESSION['last_db'] = $_GET['db'];
    }
}
session_start(); (new Controller())();
