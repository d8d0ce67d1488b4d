<?php
// The user service starts the session when the container builds it (the first `get('user')`).
namespace App\Service;

class User
{
    public function __construct()
    {
        session_start();
    }

    public function id()
    {
        return $_SESSION['user_id'] ?? 0;
    }
}
