<?php
// `$this->checkSession()` in an abstract class: no object is of exactly `Client`, and the only
// concrete subclass overrides the method with its own (lock-free) session, so the base method's
// `session_start()` never runs through this call (Dotclear's OAuth2 client).
abstract class Client {
    protected function checkSession(): void {
        if (session_status() === PHP_SESSION_NONE) { session_start(); }
    }
    public function requestAction(): void {
        $this->checkSession();
        $token = file_get_contents('https://auth.example.com/token');
        $_SESSION['token'] = $token;
    }
}
class AppClient extends Client {
    protected function checkSession(): void { /* the application's own lock-free session */ }
}
(new AppClient())->requestAction();
