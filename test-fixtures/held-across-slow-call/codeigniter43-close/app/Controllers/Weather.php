<?php
// CodeIgniter 4.3 (composer.lock): `Session::close()` is new in 4.4, so the early close is
// PHP's own `session_write_close()`, which is all `close()` does.

namespace App\Controllers;

use Config\Services;

class Weather extends BaseController
{
    public function index()
    {
        $city = $this->session->get('city');
        $client = Services::curlrequest();
        $forecast = $client->get('https://weather.example.org/' . $city); // expect: held-across-slow-call "runs before every action"
        return $this->response->setJSON($forecast->getBody());
    }
}
