<?php
// The configuration the entry script's requests load.
$title = 'Home';
