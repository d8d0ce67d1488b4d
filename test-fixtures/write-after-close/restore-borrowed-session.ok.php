<?php
// phpseclib's Crypt/Random.php borrows a throw-away session for entropy: it keeps the caller's
// array (`isset($_SESSION) ? $_SESSION : false`), closes, uses session '1', closes it, and puts
// the array back in memory. Restoring the kept copy after the close writes nothing new.
function seed()
{
    $old_session_id = session_id();
    $old_use_cookies = ini_get('session.use_cookies');
    $old_session = isset($_SESSION) ? $_SESSION : false;
    if ($old_session_id != '') {
        session_write_close();
    }
    session_id(1);
    ini_set('session.use_cookies', 0);
    session_cache_limiter('');
    session_start();
    $seed = $_SESSION['seed'] = pack('H*', sha1(uniqid('', true)));
    session_write_close();
    if ($old_session_id != '') {
        session_id($old_session_id);
        session_start();
        ini_set('session.use_cookies', $old_use_cookies);
        session_cache_limiter(null);
    } else {
        if ($old_session !== false) {
            $_SESSION = $old_session;
            unset($old_session);
        } else {
            unset($_SESSION);
        }
    }
    return $seed;
}

echo bin2hex(seed());
