<?php
// CodeIgniter 4: `service('session')` starts the shared session like `session()`; other
// services (`service('email')`) are not the session.

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

    public function newsletter()
    {
        $email = service('email');
        $email->setTo('list@example.org');
        return file_get_contents('https://news.example.org/latest');
    }
}
