<?php
// CodeIgniter 4.4: the close is written with the expression the action reached the session
// through, `service('session')->close()`.

namespace App\Controllers;

use CodeIgniter\Controller;

class Profile extends Controller
{
    public function avatar()
    {
        $session = service('session');
        $user = $session->get('user_id');
        return file_get_contents('https://avatars.example.org/' . $user); // expect: held-across-slow-call "by .service\(\)."
    }
}
