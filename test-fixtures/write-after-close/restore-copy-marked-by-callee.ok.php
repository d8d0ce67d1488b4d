<?php
// phpseclib's Crypt/Random.php again, with its `safe_serialize(&$arr)`: the kept copy of the
// session array is passed by reference to a helper that sets a marker key (to stop on cycles)
// and removes it before every return, so the copy is unchanged and assigning it back after the
// close restores the array in memory; nothing new is written.
class Entropy
{
    public static function seed(): string
    {
        $old_session_id = session_id();
        $old_session = isset($_SESSION) ? $_SESSION : false;
        if ($old_session_id != '') {
            session_write_close();
        }
        session_id('1');
        session_start();
        $v = self::safe_serialize($_SESSION) . self::safe_serialize($old_session);
        $_SESSION['seed'] = sha1($v, true);
        session_write_close();
        if ($old_session_id != '') {
            session_id($old_session_id);
            session_start();
        } else {
            if ($old_session !== false) {
                $_SESSION = $old_session;
                unset($old_session);
            } else {
                unset($_SESSION);
            }
        }
        return $v;
    }

    private static function safe_serialize(&$arr): string
    {
        if (is_object($arr)) {
            return '';
        }
        if (!is_array($arr)) {
            return serialize($arr);
        }
        if (isset($arr['__marker'])) {
            return '';
        }
        $safearr = [];
        $arr['__marker'] = true;
        foreach (array_keys($arr) as $key) {
            if ($key !== '__marker') {
                $safearr[$key] = self::safe_serialize($arr[$key]);
            }
        }
        unset($arr['__marker']);
        return serialize($safearr);
    }
}

Entropy::seed();
