<?php
// CakePHP 4: the session starts on its first access through the request
// (`$this->request->getSession()`, `$this->getRequest()->getSession()`) and stays locked to the
// end of the request unless `close()` releases it.
declare(strict_types=1);

namespace App\Controller;

use Cake\Http\Client;

class ReportsController extends AppController
{
    public function view(int $id)
    {
        $team = $this->request->getSession()->read('Auth.team_id');
        $http = new Client();
        $report = $http->get('https://reports.example.org/teams/' . $team . '/' . $id); // expect: held-across-slow-call "read\(\)"
        $this->set('report', $report->getJson());
    }

    public function refresh(int $id)
    {
        $session = $this->getRequest()->getSession();
        $session->write('Reports.refreshed', $id);
        sleep(2); // expect: held-across-slow-call "write\(\)"
        return $this->redirect(['action' => 'view', $id]);
    }

    // Reads what it needs, then releases the session before the remote call.
    public function export(int $id)
    {
        $session = $this->request->getSession();
        $team = $session->read('Auth.team_id');
        $session->close();
        $http = new Client();
        $this->set('export', $http->get('https://reports.example.org/teams/' . $team . '/export/' . $id)->getStringBody());
    }
}
