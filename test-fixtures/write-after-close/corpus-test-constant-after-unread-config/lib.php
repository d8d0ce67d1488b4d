<?php
// The redirect helper closes the session and exits, except under the unit-test constant.
function send_redirect($url) {
    session_write_close();
    header('Location: ' . $url);
    if (defined('UNIT_TESTING')) {
        return;
    }
    exit;
}

function getID() {
    $id = $_GET['id'] ?? '';
    if ($id === '') {
        send_redirect('/start');
    }
    return $id;
}
