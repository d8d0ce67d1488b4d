<?php
// A helper reads a counter and writes it back increased after the page closed the session;
// the page then prints and exits. The helper's read comes before its write, and nothing reads
// the new value afterwards: the count a later request needs is lost (read-back inside a callee
// counts only reads after the write).
function count_visit()
{
    $_SESSION['visits'] = ($_SESSION['visits'] ?? 0) + 1;
}

session_start();
$name = $_SESSION['name'] ?? 'guest';
session_write_close();
session_start();
count_visit(); // expect: write-after-close "^`count_visit\(\)` writes the session after it was closed"
session_write_close();
echo 'Hello ' . htmlspecialchars($name);
exit();
