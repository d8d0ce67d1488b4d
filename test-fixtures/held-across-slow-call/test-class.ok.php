<?php
// PHPUnit tests serve no request: a class whose parent chain reaches PHPUnit's TestCase,
// here through the project's own base class, is not analysed.
use PHPUnit\Framework\TestCase;

abstract class IntegrationTestCase extends TestCase
{
}

final class SessionStoreTest extends IntegrationTestCase
{
    public function testSlowSave(): void
    {
        session_start();
        $_SESSION['x'] = 1;
        sleep(2);
        $this->assertSame(1, $_SESSION['x']);
    }
}
