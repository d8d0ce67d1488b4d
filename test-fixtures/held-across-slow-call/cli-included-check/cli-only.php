<?php
// Included first by command-line scripts.
if (PHP_SAPI != 'cli') {
    exit(1);
}
