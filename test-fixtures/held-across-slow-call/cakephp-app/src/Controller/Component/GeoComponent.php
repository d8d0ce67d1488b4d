<?php
// CakePHP: a component reaches the session through its controller's request; the session it
// starts stays locked while it calls the geolocation service.
declare(strict_types=1);

namespace App\Controller\Component;

use Cake\Controller\Component;
use Cake\Http\Client;

class GeoComponent extends Component
{
    public function locate(): array
    {
        $ip = (string)$this->getController()->getRequest()->getSession()->read('Client.ip');
        $http = new Client();
        return $http->get('https://geo.example.org/' . $ip)->getJson(); // expect: held-across-slow-call "read\(\)"
    }
}
