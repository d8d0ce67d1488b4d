<?php
// Fetches the module list from the remote repository.
$list = file_get_contents('https://modules.example.com/list.json'); // expect: held-across-slow-call
echo htmlspecialchars($list);
