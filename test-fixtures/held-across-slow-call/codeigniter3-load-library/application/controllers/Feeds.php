<?php
// CodeIgniter 3: loading the session library in the constructor starts the session before
// every action of the controller.
defined('BASEPATH') OR exit('No direct script access allowed');

class Feeds extends CI_Controller
{
    public function __construct()
    {
        parent::__construct();
        $this->load->library('session');
    }

    public function import()
    {
        $url = $this->session->userdata('feed_url');
        $this->output->set_output(file_get_contents('https://proxy.example.org/?u=' . urlencode($url))); // expect: held-across-slow-call "runs before every action"
    }
}
