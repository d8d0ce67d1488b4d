<?php
// Near miss of restore-copy-marked-by-callee.ok.php: the helper that takes the kept copy by
// reference leaves its marker in it (no unset), so the array assigned back after the close is
// not the one kept: a new value, and the write is lost.
class Noise
{
    public static function seed(): string
    {
        session_start();
        $old_session = isset($_SESSION) ? $_SESSION : false;
        session_write_close();
        $v = self::mark($old_session);
        if ($old_session !== false) {
            $_SESSION = $old_session; // expect: write-after-close
        }
        return $v;
    }

    private static function mark(&$arr): string
    {
        if (!is_array($arr)) {
            return serialize($arr);
        }
        $arr['__marker'] = true;
        return serialize(array_keys($arr));
    }
}

Noise::seed();
