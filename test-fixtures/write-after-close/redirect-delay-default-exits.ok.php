<?php
// A redirect helper that refreshes after a delay when one is given and otherwise exits
// (PHPFusion's `redirect()`): the test is a pure project function of the parameter,
// `isnum($delay)`, and the default `FALSE` that every call below keeps makes it false. So the
// destroy path always exits inside `redirect()`, and nothing after it runs without a session.
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
    redirect('/');
}
$_SESSION['seen'] = time();
