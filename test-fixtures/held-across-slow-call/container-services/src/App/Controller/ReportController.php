<?php
// Symfony 2–4's base controller hands out the container's services with `$this->get('id')`.
namespace App\Controller;

use Symfony\Bundle\FrameworkBundle\Controller\Controller;

class ReportController extends Controller
{
    public function sendAction()
    {
        $user = $this->get('user');
        $this->get('notifier')->send('report for ' . $user->id());
    }
}
