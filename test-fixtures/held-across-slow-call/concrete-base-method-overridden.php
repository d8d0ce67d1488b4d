<?php
// The other twin: `Client` is not abstract, so an object may be of exactly `Client` and run its
// own `checkSession()`, even though its only subclass overrides it.
class Client {
    protected function checkSession(): void {
        if (session_status() === PHP_SESSION_NONE) { session_start(); }
    }
    public function requestAction(): void {
        $this->checkSession();
        $token = file_get_contents('https://auth.example.com/token'); // expect: held-across-slow-call
        $_SESSION['token'] = $token;
    }
}
class AppClient extends Client {
    protected function checkSession(): void { /* the application's own session */ }
}
(new Client())->requestAction();
