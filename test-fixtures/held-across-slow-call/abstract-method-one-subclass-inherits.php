<?php
// The twin of `abstract-method-every-subclass-overrides.ok.php`: a second concrete subclass
// keeps the base method, so an object of it starts the session, held across the token request.
abstract class Client {
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
    protected function checkSession(): void { /* the application's own lock-free session */ }
}
class PlainClient extends Client {
}
(new PlainClient())->requestAction();
