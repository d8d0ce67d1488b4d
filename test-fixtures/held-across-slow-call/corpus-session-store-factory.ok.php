<?php
// Roundcube (rcube_session::factory): the session class is picked by name from the configuration
// (`new $class()` with `$class = "rcube_session_{$storage}"`, autoloaded); every candidate installs a store over a
// database or Redis whose read takes no lock, so the store is seen on every path and no lock finding is reported.
abstract class app_session {
    public static function factory(array $config): app_session {
        $storage = $config['session_storage'] ?? 'db';
        $class = "app_session_{$storage}";
        return new $class($config);
    }
    public function register_handler() {
        session_set_save_handler([$this, 'open'], [$this, 'close'], [$this, 'read'], [$this, 'write'], [$this, 'destroy'], [$this, 'gc']);
    }
    public function start() { session_start(); }
    public function open($path, $name) { return true; }
    public function close() { return true; }
    abstract public function read($id);
    public function write($id, $data) { return true; }
    public function destroy($id) { return true; }
    public function gc($max) { return 0; }
}
class app_session_db extends app_session {
    public function __construct(array $config) { $this->register_handler(); }
    public function read($id) { return (string) apcu_fetch("sess_$id"); }
}
class app_session_redis extends app_session {
    public function __construct(array $config) { $this->register_handler(); }
    public function read($id) { return ''; }
}
$session = app_session::factory(['session_storage' => 'db']);
$session->start();
$mail = file_get_contents('https://imap.example.com/inbox');
$_SESSION['mail'] = $mail;
