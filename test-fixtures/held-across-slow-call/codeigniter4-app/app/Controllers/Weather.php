<?php
// CodeIgniter 4: the base controller keeps the session in a property, started in
// `initController()`, which runs before every action: each action holds the lock.

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

    // Released with `close()` (4.4+) before the remote call.
    public function radar()
    {
        $city = $this->session->get('city');
        $this->session->close();
        $client = Services::curlrequest();
        return $this->response->setBody($client->get('https://weather.example.org/radar/' . $city)->getBody());
    }
}
