<?php
class Misc
{
    public function connect(): void
    {
        if (isset($_GET['debug'])) {
            echo 'connecting';
            flush();
        }
    }
}
