<?php
// The singleton session, the section path helper and a download that flushes (CubeCart's shapes).
// A slow listing sends progress output, then saves its result in a reopened session.
function cached_list() {
    echo 'Loading...';
    flush();
    restart_session();
    $_SESSION['list'] = [1, 2, 3];
    session_write_close();
}

class Db {
    public function lists() {
        cached_list();
    }
}
