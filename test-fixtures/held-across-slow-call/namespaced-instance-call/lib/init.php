<?php
// Under `namespace App;` at the top level, `new Starter()` is `App\Starter`: the method call on
// it is followed, so the session it opens is seen by the script that includes this file.
namespace App;

class Starter
{
    public function start(): void
    {
        session_start();
    }
}

$starter = new Starter();
$starter->start();
