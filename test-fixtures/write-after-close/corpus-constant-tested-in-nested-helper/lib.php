<?php
// Reduced from DokuWiki (inc/common.php send_redirect(), inc/pageutils.php getID()): the
// redirect helper closes the session and exits, except under the unit-test constant that no
// web request defines. A page reaches it through getID(), which tests nothing itself: the
// request-start fact "UNIT_TESTING is not defined" must reach send_redirect() through getID(),
// so the page's later write is never after a close.
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
