<?php
// Symfony 2–4's base controller: the notifier runs after the session is closed.
namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\Controller;

class ReportController extends Controller
{
    public function sendAction()
    {
        $user = $this->get('user');
        $text = 'report for ' . $user->id();
        session_write_close();
        $this->get('notifier')->send($text);
    }
}
