<?php
// A view that checks a remote service: slow when included while the session is open.
$status = file_get_contents('https://status.example.com/api'); // expect: held-across-slow-call
echo htmlspecialchars((string) $status);
