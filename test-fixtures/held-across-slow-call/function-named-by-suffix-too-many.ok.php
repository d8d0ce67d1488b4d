<?php
// The bound of `function-named-by-suffix.php`: a suffix that 13 project functions end with
// (more than the 12 a name pattern may name) bounds nothing, so the call runs nothing known and
// the one backend that connects out is not entered with the session open (precision first).
function radius_login($username)
{
    $rad = radius_auth_open();
    radius_put_attr($rad, RADIUS_USER_NAME, $username);
    return radius_send_request($rad) === RADIUS_ACCESS_ACCEPT;
}

function alpha_login($username)
{
    return $username !== '';
}

function bravo_login($username)
{
    return $username !== '';
}

function charlie_login($username)
{
    return $username !== '';
}

function delta_login($username)
{
    return $username !== '';
}

function echo_login($username)
{
    return $username !== '';
}

function foxtrot_login($username)
{
    return $username !== '';
}

function golf_login($username)
{
    return $username !== '';
}

function hotel_login($username)
{
    return $username !== '';
}

function india_login($username)
{
    return $username !== '';
}

function juliet_login($username)
{
    return $username !== '';
}

function kilo_login($username)
{
    return $username !== '';
}

function lima_login($username)
{
    return $username !== '';
}

session_start();
$ok = call_user_func(getenv('LOGIN_BACKEND') . '_login', $_POST['username']);
$_SESSION['authenticated'] = $ok;
