<?php
// The twin of `function-named-by-suffix.php`: the literal suffix bounds the candidates. The
// only function whose name ends with `_authenticate` checks locally; the RADIUS helper, whose
// name does not fit, only builds a request (`radius_create_request()`, `radius_put_attr()`
// work locally; sending it is what waits). Nothing is held across slow work.
$config = array('auth_mechanism' => getenv('AUTH') ?: 'mysql');

function radius_prepare($username)
{
    $rad = radius_auth_open();
    radius_create_request($rad, RADIUS_ACCESS_REQUEST);
    radius_put_attr($rad, RADIUS_USER_NAME, $username);
    return $rad;
}

function radius_send($rad)
{
    return radius_send_request($rad);
}

function mysql_authenticate($username, $password)
{
    radius_prepare($username);
    return $username === 'admin' && $password !== '';
}

function authenticate($username, $password)
{
    global $config;
    return call_user_func($config['auth_mechanism'] . '_authenticate', $username, $password);
}

session_start();
if (authenticate($_POST['username'], $_POST['password'])) {
    $_SESSION['authenticated'] = true;
}
