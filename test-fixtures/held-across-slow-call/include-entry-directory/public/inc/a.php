<?php
// Included from public/index.php: 'inc/b.php' is found from public/, the entry script's directory.
require 'inc/b.php';
