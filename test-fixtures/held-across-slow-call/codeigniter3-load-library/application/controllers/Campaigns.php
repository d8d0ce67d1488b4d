<?php
// CodeIgniter 3 (reduced from a shop's mailing controller): the constructor loads the session
// library, so the session is locked for the whole action, which sends one SMTP mail per
// contact through the email library.
defined('BASEPATH') OR exit('No direct script access allowed');

class Campaigns extends CI_Controller
{
    public function __construct()
    {
        parent::__construct();
        $this->load->model('Contact_model');
        $this->load->library('session');
        $this->user_id = $this->session->userdata('logged_in')['login_id'];
    }

    public function send($list_id)
    {
        $this->load->library('email');
        $contacts = $this->Contact_model->for_list($list_id);
        foreach ($contacts as $contact) { // expect: held-across-slow-call "runs before every action"
            $this->email->to($contact['email']);
            $this->email->subject('News');
            $this->email->send();
        }
        redirect('campaigns');
    }
}
