<?php
// Analysed on its own, this file is entered closed but is no request's start: the page that
// includes it may have started the session (index.php does), so the close releases it and the
// write after it is lost. Twin of close-without-open-then-write.ok.php, where the entry script
// itself never started one.
session_write_close();
$_SESSION['saved'] = time(); // expect: write-after-close
