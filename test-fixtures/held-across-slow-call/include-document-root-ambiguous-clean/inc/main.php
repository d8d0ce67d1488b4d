<?php
// A file of the same name one folder up: with web/inc/main.php, two folders above the page
// could be the document root, and they name different files.
session_start();
