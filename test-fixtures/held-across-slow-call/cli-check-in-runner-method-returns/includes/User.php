<?php
class User
{
    public static function newSystemUser(string $name): User
    {
        session_start();
        $_SESSION['user'] = $name;
        return new User();
    }
}
