<?php
// Opens the session for report.php, which writes it after the include: the lock taken here
// is needed in that request, so read_and_close here would lose report.php's write.
session_start();
echo '<footer>' . htmlspecialchars($_SESSION['name'] ?? '') . '</footer>';
