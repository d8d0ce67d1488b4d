<?php
// Yii 2: `beforeAction()` runs before every action and reads the session (which opens it), so
// an action that never names the session still holds it across its remote call. The fix
// closes the application's session with the close the Yii preset writes for any action,
// `\Yii::$app->session->close()`, right before the call (nothing after it writes the session).
declare(strict_types=1);

namespace app\controllers;

use Yii;
use yii\httpclient\Client;
use yii\web\Controller;

final class ReportController extends Controller
{
    public function beforeAction($action): bool
    {
        $this->view->params['user'] = (string) Yii::$app->session->get('user_name');
        return parent::beforeAction($action);
    }

    public function actionExport(): string
    {
        $client = new Client(['baseUrl' => 'https://reports.example']);
        \Yii::$app->session->close();
        $response = $client->get('export')->send(); // expect: held-across-slow-call

        return (string) $response->content;
    }
}
