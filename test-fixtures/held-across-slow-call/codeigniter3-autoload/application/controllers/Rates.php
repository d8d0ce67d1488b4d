<?php
// CodeIgniter 3 with the session library autoloaded (application/config/autoload.php): the
// session is started, and locked, before every controller action.
defined('BASEPATH') OR exit('No direct script access allowed');

class Rates extends CI_Controller
{
    public function index()
    {
        $rates = file_get_contents('https://rates.example.org/today'); // expect: held-across-slow-call "autoloads its session library"
        $this->output->set_output($rates);
    }

    // Releases the session first, as the CodeIgniter user guide advises.
    public function history()
    {
        $currency = $this->session->userdata('currency');
        session_write_close();
        $this->output->set_output(file_get_contents('https://rates.example.org/history/' . $currency));
    }

    // Not routed (leading underscore): only what calls it matters.
    public function _warm()
    {
        return file_get_contents('https://rates.example.org/warm');
    }
}
