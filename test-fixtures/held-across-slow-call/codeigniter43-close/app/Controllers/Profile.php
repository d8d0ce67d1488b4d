<?php
// CodeIgniter 4.3: no `close()` yet, so the close is PHP's own,
// `session_write_close()`.

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
