<?php
// Ends every web request.
if (php_sapi_name() !== 'cli') {
    die('This script may only be invoked from the command line!');
}
