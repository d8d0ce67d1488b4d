<?php
// Clean: both pages install the store, which takes no lock, before they open the session, so
// the helper holds no lock on any path (the run counts the finding it leaves out).
function wait_for_user(): void
{
    sleep(5);
}
