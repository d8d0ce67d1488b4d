<?php
// Roundcube (rcube_session_db): the six-callable form of session_set_save_handler() over storage that takes no lock:
// there is no lock to hold, so no lock finding is reported (the run's summary counts it).
class DbSession {
    public function open($p, $n) { return true; }  public function close() { return true; }
    public function read($id) { return (string) apcu_fetch("sess_$id"); }
    public function write($id, $d) { return apcu_store("sess_$id", $d); }
    public function destroy($id) { return apcu_delete("sess_$id"); }  public function gc($max) { return 0; }
}
$h = new DbSession();
session_set_save_handler([$h, 'open'], [$h, 'close'], [$h, 'read'], [$h, 'write'], [$h, 'destroy'], [$h, 'gc']);
session_start(); sleep(5);
$_SESSION['polled_at'] = time();
