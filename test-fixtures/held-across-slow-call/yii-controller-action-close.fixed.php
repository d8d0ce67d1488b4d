<?php
// Yii 2: an action reads the session through `Yii::$app->session` (each access opens it) and
// then waits on a remote API with it open. The framework calls an action (a public `action*`
// method) once per request and nothing of the project runs after it, so the action can close
// the session early with the framework's own `Yii::$app->session->close()` when nothing after
// that point writes it (`actionTrack()`), not when something does (`actionRefresh()`).
// `actions()` is no action.
declare(strict_types=1);

namespace app\controllers;

use Yii;
use yii\httpclient\Client;
use yii\web\Controller;

final class ShipmentController extends Controller
{
    public function actions(): array
    {
        return [];
    }

    public function actionTrack(): array
    {
        $orderId = (int) Yii::$app->session->get('last_order_id');

        $client = new Client(['baseUrl' => 'https://carrier.example']);
        Yii::$app->session->close();
        $response = $client->get('shipments/' . $orderId)->send(); // expect: held-across-slow-call "send"

        return $response->isOk ? $response->data : [];
    }

    public function actionRefresh(): array
    {
        $orderId = (int) Yii::$app->session->get('last_order_id');

        $client = new Client(['baseUrl' => 'https://carrier.example']);
        $response = $client->get('shipments/' . $orderId)->send(); // expect: held-across-slow-call "send"

        Yii::$app->session->set('last_status', (string) $response->statusCode);
        return $response->data;
    }
}
