<?php
// The same redirect helper, called with a delay of one second: `isnum(1)` is true, so it only
// prints a refresh and returns, and the write after the destroy is lost.
function isnum($value, $decimal = false, $negative = false)
{
    if ($negative == true) {
        return is_numeric($value);
    } else {
        $float = $decimal ? '(.{0,1})[0-9]*' : '';
        return !is_array($value) and preg_match("/^[0-9]+" . $float . "$/", $value);
    }
}

function redirect($location, $delay = false)
{
    if (isnum($delay)) {
        echo "<meta http-equiv='refresh' content='$delay; url=$location' />";
    } else {
        header('Location: ' . $location);
        exit;
    }
}

session_start();
if (($_GET['logout'] ?? '') === 'yes') {
    session_destroy();
    redirect('/', 1);
}
$_SESSION['seen'] = time(); // expect: write-after-close
