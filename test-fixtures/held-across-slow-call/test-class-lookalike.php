<?php
// A class whose name ends in Test but that derives from no TestCase is request code.
abstract class Controller
{
}

final class SpeedTest extends Controller
{
    public function run(): void
    {
        session_start();
        $_SESSION['started'] = time();
        sleep(2); // expect: held-across-slow-call
    }
}
