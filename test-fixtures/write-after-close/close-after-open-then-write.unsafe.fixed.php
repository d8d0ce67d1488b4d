<?php
// Twin of close-without-open-then-write.ok.php: the session was started, so the close ends it
// and the second write is lost.
function remember() { $_SESSION['valid'] = true; }
session_start();
remember();
session_write_close();
session_start();
remember(); // expect: write-after-close
session_write_close();
