<?php
// CodeIgniter 3: a controller that loads other libraries only has no session to hold.
defined('BASEPATH') OR exit('No direct script access allowed');

class Mailer extends CI_Controller
{
    public function __construct()
    {
        parent::__construct();
        $this->load->library(array('email', 'form_validation'));
    }

    public function digest()
    {
        $this->output->set_output(file_get_contents('https://news.example.org/digest'));
    }
}
