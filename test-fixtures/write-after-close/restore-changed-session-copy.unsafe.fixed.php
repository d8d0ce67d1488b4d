<?php
// The kept copy is changed after the close and then assigned back: that is a new value meant to
// be saved (the cart), not a restore, and it is lost.
session_start();
$saved = isset($_SESSION) ? $_SESSION : [];
session_write_close();
$saved['cart'] = ($saved['cart'] ?? 0) + 1;
session_start();
$_SESSION = $saved; // expect: write-after-close
session_write_close();
