<?php
// A helper both pages call with the session open: one finding at the helper, which must say
// that it holds only when the store is not installed, as each page's finding would.
function wait_for_user(): void
{
    sleep(5); // expect: held-across-slow-call@info "This holds only when the session store `DbStore`"
}
