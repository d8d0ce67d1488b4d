<?php
// CodeIgniter 4.4 or later (composer.lock): the early close is the framework's own
// `Session::close()`, new in 4.4; codeigniter4-app, with no composer.lock, gets PHP's
// `session_write_close()`, which works in every version.

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
