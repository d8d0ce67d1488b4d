<?php
// CakePHP 2: `$this->Session` (the Session component) starts the session on first access and it
// stays locked to the end of the request.
App::uses('AppController', 'Controller');

class FeedsController extends AppController
{
    public function import()
    {
        $url = $this->Session->read('Feeds.url');
        $body = file_get_contents('https://proxy.example.org/?u=' . urlencode($url)); // expect: held-across-slow-call "Session->read\(\)"
        $this->set('body', $body);
    }

    // Released with PHP's own call before the remote fetch.
    public function preview()
    {
        $url = $this->Session->read('Feeds.url');
        session_write_close();
        $this->set('body', file_get_contents('https://proxy.example.org/?u=' . urlencode($url)));
    }
}
