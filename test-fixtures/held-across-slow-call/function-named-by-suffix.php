<?php
// Observium's shape: `authenticate()` calls the backend the configuration names,
// `call_user_func($config['auth_mechanism'] . '_authenticate', …)`, with the session open. The
// name has an unknown prefix and a literal suffix: the candidates are the project's functions
// whose names end with `_authenticate`. Only one of them does slow work (a RADIUS request), so
// the call itself is not slow for every configuration, but that backend runs with the
// session open when it is the one configured: reported there, naming the dispatch.
$config = array('auth_mechanism' => getenv('AUTH') ?: 'mysql');

function radius_authenticate($username, $password)
{
    $rad = radius_auth_open();
    radius_add_server($rad, 'radius.example.org', 1812, 'secret', 5, 3);
    radius_create_request($rad, RADIUS_ACCESS_REQUEST);
    radius_put_attr($rad, RADIUS_USER_NAME, $username);
    radius_put_attr($rad, RADIUS_USER_PASSWORD, $password);
    return radius_send_request($rad) === RADIUS_ACCESS_ACCEPT; // expect: held-across-slow-call
}

function mysql_authenticate($username, $password)
{
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
